import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { facilitatorSchema, type FacilitatorInput } from '$lib/schemas/catalogue';
import { getDb } from '$lib/server/db';
import { facilitatorErrorMessage, facilitatorErrorPath } from '$lib/server/facilitators/messages';
import { listDistrictsByIds } from '$lib/server/directory/districts';
import { createFacilitator } from '$lib/server/facilitators/service';
import { listTopicOptions } from '$lib/server/topics/repository';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const db = getDb();
	const form = await superValidate(zod4(facilitatorSchema), { errors: false });
	form.data.district_id = actor.districtIds[0];
	form.data.active = true;
	// No organisation until the admin picks one, so a forgotten choice is refused, not guessed.
	form.data.organization = '' as FacilitatorInput['organization'];
	return {
		form,
		options: {
			districts: await listDistrictsByIds(db, actor.districtIds),
			topics: await listTopicOptions(db)
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(facilitatorSchema));
		if (!form.valid) return fail(400, { form });
		const result = await createFacilitator(getDb(), actor, form.data);
		if (!result.ok) {
			if (!('field' in result)) return fail(404, { form });
			return setError(
				form,
				facilitatorErrorPath(result.field),
				facilitatorErrorMessage(result.error)
			);
		}
		redirect(303, localizeHref(`/facilitators/${result.id}?saved=1`));
	}
};
