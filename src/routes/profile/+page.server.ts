import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { profileSchema } from '$lib/schemas/users';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { updateOwnProfile } from '$lib/server/users/own-account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const form = await superValidate(
		{ display_name: user.display_name, locale: user.locale },
		zod4(profileSchema)
	);
	return { form, email: user.email, role: user.role };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(profileSchema));
		if (!form.valid) return fail(400, { form });
		await updateOwnProfile(getDb(), user, { ...form.data, ip: event.getClientAddress() });
		redirect(303, localizeHref('/profile?saved=1', { locale: form.data.locale }));
	}
};
