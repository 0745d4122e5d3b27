import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { closureDeleteSchema, closureUpdateSchema } from '$lib/schemas/closures';
import { jalaliFieldText } from '$lib/i18n/format';
import { findClosureInDistricts, listClosureTargets } from '$lib/server/closures/repository';
import { deleteClosure, updateClosure } from '$lib/server/closures/service';
import { getDb } from '$lib/server/db';
import { listDistrictsByIds } from '$lib/server/directory/districts';
import { requireAdminActor } from '$lib/server/auth/actor';
import { closureInputOf, refusalOf } from '../closure-form';
import type { Actions, PageServerLoad } from './$types';
import { recordIdOf } from '$lib/server/directory/record-id';

// Admins only, and only their own districts' closures (anything else is 404).
export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const db = getDb();
	const closure = await findClosureInDistricts(db, recordIdOf(event.params.id), actor.districtIds);
	if (!closure) error(404, 'Not found');
	const values = {
		district_id: closure.district_id,
		kind: closure.kind,
		school_id: closure.school_id ?? undefined,
		center_id: closure.center_id ?? undefined,
		starts_on: jalaliFieldText(closure.starts_on),
		ends_on: jalaliFieldText(closure.ends_on),
		name_fa: closure.name_fa,
		name_en: closure.name_en,
		version: closure.version
	};
	return {
		closure,
		form: await superValidate(values, zod4(closureUpdateSchema)),
		options: {
			districts: await listDistrictsByIds(db, actor.districtIds),
			...(await listClosureTargets(db, closure.district_id))
		}
	};
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(closureUpdateSchema));
		if (!form.valid) return fail(400, { form });
		const id = recordIdOf(event.params.id);
		const input = closureInputOf(form.data, actor.districtIds[0] ?? -1);
		const result = await updateClosure(getDb(), actor, id, form.data.version, input);
		if (result.ok) return message(form, m.saved());
		if ('field' in result) return setError(form, ...refusalOf(result));
		if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
		error(404, 'Not found');
	},
	delete: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(closureDeleteSchema));
		if (!form.valid) return fail(400, { form });
		const result = await deleteClosure(
			getDb(),
			actor,
			recordIdOf(event.params.id),
			form.data.version
		);
		if (!result.ok && result.error === 'stale') return fail(409, { deleteError: m.stale_edit() });
		if (!result.ok) error(404, 'Not found');
		redirect(303, localizeHref('/admin/closures?deleted=1'));
	}
};
