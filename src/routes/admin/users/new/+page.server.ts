import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { newUserSchema } from '$lib/schemas/users';
import { getDb } from '$lib/server/db';
import { findScopeOptions } from '$lib/server/directory/scope-options';
import { requireAdminActor } from '$lib/server/auth/actor';
import { userChangeErrorMessage } from '$lib/server/users/messages';
import { createUser } from '$lib/server/users/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	return {
		form: await superValidate(zod4(newUserSchema), { errors: false }),
		options: await findScopeOptions(getDb(), actor.districtIds)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(newUserSchema));
		if (!form.valid) return fail(400, { form });
		const result = await createUser(getDb(), actor, form.data);
		if (!result.ok) {
			if (!('field' in result)) return fail(404, { form });
			return setError(form, result.field as 'email', userChangeErrorMessage(result.error));
		}
		redirect(303, localizeHref(`/admin/users/${result.id}?saved=1`));
	}
};
