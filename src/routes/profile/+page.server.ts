import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { profileSchema } from '$lib/schemas/users';
import { requireUser } from '$lib/server/auth/guard';
import { findCalendarFeedCreatedAt } from '$lib/server/calendar-feed/repository';
import {
	calendarFeedPath,
	createCalendarFeed,
	revokeCalendarFeed
} from '$lib/server/calendar-feed/service';
import { getDb } from '$lib/server/db';
import { updateOwnProfile } from '$lib/server/users/own-account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const form = await superValidate(
		{ display_name: user.display_name, locale: user.locale },
		zod4(profileSchema)
	);
	return {
		form,
		email: user.email,
		role: user.role,
		calendarFeedCreatedAt: await findCalendarFeedCreatedAt(getDb(), user.id)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(profileSchema));
		if (!form.valid) return fail(400, { form });
		await updateOwnProfile(getDb(), user, { ...form.data, ip: event.getClientAddress() });
		redirect(303, localizeHref('/profile?saved=1', { locale: form.data.locale }));
	},
	// The address is shown in this answer only: the database keeps just a hash of its token.
	createCalendarFeed: async (event) => {
		const user = requireUser(event);
		const token = await createCalendarFeed(getDb(), {
			id: user.id,
			ip: event.getClientAddress()
		});
		return { calendarFeedUrl: new URL(calendarFeedPath(token), event.url.origin).href };
	},
	revokeCalendarFeed: async (event) => {
		const user = requireUser(event);
		await revokeCalendarFeed(getDb(), { id: user.id, ip: event.getClientAddress() });
		return { calendarFeedRevoked: true };
	}
};
