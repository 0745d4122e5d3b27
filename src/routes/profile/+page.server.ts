import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { createApiTokenSchema, revokeApiTokenSchema } from '$lib/schemas/api-tokens';
import { profileSchema } from '$lib/schemas/users';
import { apiTokenRoles, listActiveApiTokens } from '$lib/server/api-tokens/repository';
import { createApiToken, revokeApiToken } from '$lib/server/api-tokens/service';
import { requireRole, requireUser } from '$lib/server/auth/guard';
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
		calendarFeedCreatedAt: await findCalendarFeedCreatedAt(getDb(), user.id),
		// Only liaisons and admins hold API tokens; null hides the section from everyone else.
		apiTokens: apiTokenRoles.includes(user.role)
			? await listActiveApiTokens(getDb(), user.id)
			: null
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
	},
	// Like the feed address, the token is shown in this answer only: only its hash is kept.
	createApiToken: async (event) => {
		const user = requireRole(event, ...apiTokenRoles);
		const form = await superValidate(event.request, zod4(createApiTokenSchema), { id: 'apiToken' });
		if (!form.valid) return fail(400, { apiTokenForm: form });
		const actor = { id: user.id, ip: event.getClientAddress() };
		const { token } = await createApiToken(getDb(), actor, form.data.name);
		return { apiToken: { name: form.data.name, token } };
	},
	revokeApiToken: async (event) => {
		const user = requireRole(event, ...apiTokenRoles);
		const form = await superValidate(event.request, zod4(revokeApiTokenSchema), {
			id: 'revokeApiToken'
		});
		if (!form.valid) return fail(400, { apiTokenRevokeForm: form });
		const actor = { id: user.id, ip: event.getClientAddress() };
		const revoked = await revokeApiToken(getDb(), actor, form.data.token_id);
		// Someone else's token, or one already revoked, is no token of theirs.
		if (!revoked) error(404, 'Not found');
		return { apiTokenRevoked: revoked.name };
	}
};
