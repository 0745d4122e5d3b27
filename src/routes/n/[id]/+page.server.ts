import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';
import { publicCacheHeaders } from '$lib/server/public-pages/http';
import { loadPublicNeighborhoodPage } from '$lib/server/public-pages/service';
import type { PageServerLoad } from './$types';

// A neighbourhood's public page: no sign-in, nothing about schools, sessions or people. Plain
// HTML without scripts, kept by browsers and proxies for a minute.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const page = await loadPublicNeighborhoodPage(getDb(), recordIdOf(params.id));
	if (!page) error(404, 'Not found');
	setHeaders(publicCacheHeaders(!!locals.user, JSON.stringify([version, getLocale(), page])));
	return page;
};
