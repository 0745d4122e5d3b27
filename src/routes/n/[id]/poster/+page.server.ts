import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { getLocale, localizeUrl } from '$lib/paraglide/runtime';
import { todayInTehran } from '$lib/i18n/jalali';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';
import { qrCodeDataUrl } from '$lib/server/feedback/qr';
import { publicCacheHeaders } from '$lib/server/public-pages/http';
import { loadPosterMonth } from '$lib/server/public-pages/poster';
import { findPublicNeighborhood } from '$lib/server/public-pages/repository';
import type { PageServerLoad } from './$types';

// The A4 poster of a month's Sunday campaigns (?month=YYYY-MM in the page's calendar, this month
// otherwise) with a QR code of the neighbourhood's public page, for the centre's notice board.
export const csr = false;

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	const db = getDb();
	const place = await findPublicNeighborhood(db, recordIdOf(params.id));
	if (!place) error(404, 'Not found');
	const locale = getLocale();
	const month = await loadPosterMonth(
		db,
		place.centers.map((c) => c.id),
		url.searchParams.get('month'),
		locale,
		todayInTehran()
	);
	const pageAddress = localizeUrl(new URL(`/n/${place.id}`, url.origin), { locale }).href;
	const poster = { place, month, pageAddress };
	setHeaders(publicCacheHeaders(!!locals.user, JSON.stringify([version, locale, poster])));
	return { ...poster, qr: await qrCodeDataUrl(pageAddress) };
};
