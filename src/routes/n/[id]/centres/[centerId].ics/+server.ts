import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';
import { buildPublicCenterFeed } from '$lib/server/public-pages/feed';
import { publicCacheHeaders } from '$lib/server/public-pages/http';
import { findPublicNeighborhood } from '$lib/server/public-pages/repository';
import type { RequestHandler } from './$types';

// The public calendar feed of one centre of the neighbourhood, in the address's language; a
// centre of another neighbourhood is 404.
export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const place = await findPublicNeighborhood(db, recordIdOf(params.id));
	const centerId = recordIdOf(params.centerId);
	const center = place?.centers.find((c) => c.id === centerId);
	if (!place || !center) error(404, 'Not found');
	const body = await buildPublicCenterFeed(
		db,
		{ neighborhoodId: place.id, center },
		{ origin: url.origin, locale: getLocale() }
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			// The same for everyone, signed in or not.
			...publicCacheHeaders(false, body)
		}
	});
};
