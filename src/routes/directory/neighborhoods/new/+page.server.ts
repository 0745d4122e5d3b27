import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { newNeighborhoodSchema } from '$lib/schemas/directory';
import { getDb } from '$lib/server/db';
import { directoryErrorMessage } from '$lib/server/directory/messages';
import { createNeighborhood } from '$lib/server/directory/neighborhood-service';
import { listAreaOptions } from '$lib/server/directory/area-lists';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	return {
		form: await superValidate(zod4(newNeighborhoodSchema), { errors: false }),
		areas: await listAreaOptions(getDb(), actor.districtIds)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(newNeighborhoodSchema));
		if (!form.valid) return fail(400, { form });
		const { center_name, center_address, center_phone, ...neighborhood } = form.data;
		const result = await createNeighborhood(getDb(), actor, neighborhood, {
			name: center_name,
			address: center_address,
			phone: center_phone
		});
		if (result.ok) redirect(303, localizeHref(`/directory/neighborhoods/${result.id}?created=1`));
		if (!('field' in result)) return fail(404, { form });
		return setError(form, result.field as 'name_fa', directoryErrorMessage(result));
	}
};
