import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { newAreaSchema, toInteger } from '$lib/schemas/directory';
import { getDb } from '$lib/server/db';
import { createArea } from '$lib/server/directory/area-service';
import { directoryErrorMessage } from '$lib/server/directory/messages';
import { listDistricts } from '$lib/server/directory/area-lists';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const districts = await listDistricts(getDb(), actor.districtIds);
	const form = await superValidate(zod4(newAreaSchema), { errors: false });
	if (districts.length === 1) form.data.district_id = districts[0]!.id;
	return { form, districts };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(newAreaSchema));
		if (!form.valid) return fail(400, { form });
		const { district_id, number, ...names } = form.data;
		const result = await createArea(getDb(), actor, district_id, {
			number: toInteger(number),
			...names
		});
		if (result.ok) redirect(303, localizeHref(`/directory/areas/${result.id}?created=1`));
		if (!('field' in result)) return fail(404, { form });
		return setError(form, result.field as 'number', directoryErrorMessage(result));
	}
};
