import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { closureSchema } from '$lib/schemas/closures';
import { chooseDistrict } from '$lib/server/closures/district-choice';
import { listClosureTargets } from '$lib/server/closures/repository';
import { createClosure } from '$lib/server/closures/service';
import { getDb } from '$lib/server/db';
import { listDistrictsByIds } from '$lib/server/directory/districts';
import { requireAdminActor } from '$lib/server/auth/actor';
import { closureInputOf, refusalOf } from '../closure-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const db = getDb();
	const districtId = chooseDistrict(actor.districtIds, event.url);
	if (districtId === null) error(404, 'Not found');
	const form = await superValidate(zod4(closureSchema), { errors: false });
	form.data.district_id = districtId;
	form.data.kind = 'holiday';
	return {
		form,
		options: {
			districts: await listDistrictsByIds(db, actor.districtIds),
			...(await listClosureTargets(db, districtId))
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(closureSchema));
		if (!form.valid) return fail(400, { form });
		const input = closureInputOf(form.data, actor.districtIds[0] ?? -1);
		const result = await createClosure(getDb(), actor, input);
		if (!result.ok) {
			if (!('field' in result)) return fail(404, { form });
			return setError(form, ...refusalOf(result));
		}
		redirect(303, localizeHref(`/admin/closures/${result.id}?saved=1`));
	}
};
