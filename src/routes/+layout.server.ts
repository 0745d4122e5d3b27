import { getDb } from '$lib/server/db';
import { countUnreadNotifications } from '$lib/server/notifications/repository';
import type { LayoutServerLoad } from './$types';

// Only what the navigation needs; each page authorizes for itself.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Reading the URL makes this run on every navigation, so the inbox's unread count stays current.
	void url.pathname;
	return {
		user: locals.user ? { displayName: locals.user.display_name, role: locals.user.role } : null,
		unread: locals.user ? await countUnreadNotifications(getDb(), locals.user) : 0
	};
};
