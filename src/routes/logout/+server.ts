import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import { recordAudit } from '$lib/server/audit/repository';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, cookies, url, getClientAddress }) => {
	if (locals.sessionId && locals.user) {
		const db = getDb();
		await invalidateSession(db, locals.sessionId);
		await recordAudit(db, {
			actorId: locals.user.id,
			ip: getClientAddress(),
			action: 'sign_out',
			entityType: 'user',
			entityId: locals.user.id
		});
	}
	deleteSessionCookie(cookies, url);
	redirect(303, localizeHref('/login'));
};
