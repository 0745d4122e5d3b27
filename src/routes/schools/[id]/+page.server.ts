import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { schoolUpdateSchema } from '$lib/schemas/schools';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { requireAdminActor } from '$lib/server/auth/actor';
import { findSchoolInScope } from '$lib/server/schools/detail';
import { schoolChangeErrorMessage } from '$lib/server/schools/messages';
import { inputFromRecord, totalStudents } from '$lib/server/schools/record';
import { findNeighborhoodsInDistricts } from '$lib/server/schools/places';
import { updateSchool } from '$lib/server/schools/service';
import type { Actions, PageServerLoad } from './$types';
import { recordIdOf } from '$lib/server/directory/record-id';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const school = await findSchoolInScope(db, user, recordIdOf(event.params.id));
	if (!school) error(404, 'Not found');
	const canEdit = user.role === 'admin';
	return {
		school: { ...school, total: totalStudents(school.record) },
		created: event.url.searchParams.has('created'),
		canEdit,
		form: canEdit
			? await superValidate(
					{ ...inputFromRecord(school.record), version: school.version },
					zod4(schoolUpdateSchema)
				)
			: null,
		neighborhoods: canEdit ? await findNeighborhoodsInDistricts(db, user.scope.districtIds) : []
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(schoolUpdateSchema));
		if (!form.valid) return fail(400, { form });
		const { version, ...input } = form.data;
		const result = await updateSchool(getDb(), actor, recordIdOf(event.params.id), version, input);
		if (result.ok) return message(form, m.saved());
		if (!('field' in result)) {
			if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
			error(404, 'Not found');
		}
		return setError(form, result.field, schoolChangeErrorMessage(result.error));
	}
};
