import { error } from '@sveltejs/kit';
import { buildCalendarFeed } from '$lib/server/calendar-feed/ics';
import { findFeedOwner } from '$lib/server/calendar-feed/repository';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

// Calendar apps fetch this without a session: the secret token in the address is the credential.
// An unknown, replaced or revoked token, or an inactive user's, is 404 like any missing page.
export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const owner = await findFeedOwner(db, params.token);
	if (!owner) error(404, 'Not found');
	return new Response(await buildCalendarFeed(db, owner, { origin: url.origin }), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'cache-control': 'private, max-age=300'
		}
	});
};
