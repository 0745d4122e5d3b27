import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { passwordChangeSchema } from '$lib/schemas/users';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { changeOwnPassword } from '$lib/server/users/own-account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		form: await superValidate(zod4(passwordChangeSchema)),
		mustChange: Boolean(user.must_change_password)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(passwordChangeSchema));
		if (!form.valid) return fail(400, { form });
		const result = await changeOwnPassword(getDb(), user, event.locals.sessionId ?? '', {
			...form.data,
			ip: event.getClientAddress()
		});
		if (!result.ok) {
			if (result.error === 'wrong_current_password')
				return setError(form, 'current_password', m.wrong_current_password());
			return setError(form, 'new_password', m[result.error]());
		}
		redirect(303, localizeHref('/profile?saved=1'));
	}
};
