import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { schoolSchema } from '$lib/schemas/schools';
import { getDb } from '$lib/server/db';
import { requireAdminActor } from '$lib/server/auth/actor';
import { schoolChangeErrorMessage } from '$lib/server/schools/messages';
import { findNeighborhoodsInDistricts } from '$lib/server/schools/places';
import { createSchool } from '$lib/server/schools/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	return {
		form: await superValidate(zod4(schoolSchema), { errors: false }),
		neighborhoods: await findNeighborhoodsInDistricts(getDb(), actor.districtIds)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(schoolSchema));
		if (!form.valid) return fail(400, { form });
		const result = await createSchool(getDb(), actor, form.data);
		if (!result.ok) {
			if (!('field' in result)) return fail(404, { form });
			return setError(form, result.field, schoolChangeErrorMessage(result.error));
		}
		redirect(303, localizeHref(`/schools/${result.id}?created=1`));
	}
};
