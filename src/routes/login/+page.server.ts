import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { signInSchema } from '$lib/schemas/users';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeNextPath } from '$lib/server/auth/next-path';
import { signIn } from '$lib/server/auth/sign-in';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeNextPath(url.searchParams.get('next'), url.origin) ?? localizeHref('/'));
	return { form: await superValidate(zod4(signInSchema)) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(signInSchema));
		if (!form.valid) return fail(400, { form });
		const result = await signIn(getDb(), { ...form.data, ip: event.getClientAddress() });
		form.data.password = '';
		if (result.status === 'throttled') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return message(form, m.sign_in_throttled({ minutes }), { status: 429 });
		}
		if (result.status === 'invalid') return message(form, m.sign_in_invalid(), { status: 400 });

		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		const locale = result.user.locale;
		if (result.user.must_change_password)
			redirect(303, localizeHref('/profile/password', { locale }));
		const next = safeNextPath(event.url.searchParams.get('next'), event.url.origin);
		redirect(303, next ?? localizeHref('/', { locale }));
	}
};
