import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { pageFrom } from '$lib/server/list-params';
import {
	NOTIFICATION_PAGE_SIZE,
	countUnreadNotifications,
	listNotifications,
	markAllNotificationsRead,
	markNotificationRead
} from '$lib/server/notifications/repository';
import type { Actions, PageServerLoad } from './$types';

const openSchema = z.object({
	id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)
});

// Every signed-in user has an inbox; each sees only their own notifications.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const page = pageFrom(event.url);
	const [{ rows, total }, unread] = await Promise.all([
		listNotifications(db, user, page),
		countUnreadNotifications(db, user)
	]);
	return {
		notifications: rows,
		unread,
		page,
		pageCount: Math.max(1, Math.ceil(total / NOTIFICATION_PAGE_SIZE))
	};
};

export const actions: Actions = {
	// Opening a notification marks it read and leads to its session or campaign event; someone
	// else's is 404.
	open: async (event) => {
		const user = requireUser(event);
		const form = openSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!form.success) return fail(400);
		const path = await markNotificationRead(getDb(), user, form.data.id);
		if (path === null) error(404, 'Not found');
		redirect(303, localizeHref(path));
	},
	markAllRead: async (event) => {
		const user = requireUser(event);
		await markAllNotificationsRead(getDb(), user);
		return { markedAllRead: true };
	}
};
