import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getTextDirection } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { deleteSessionCookie, sessionCookieName, setSessionCookie } from '$lib/server/auth/cookie';
import { validateSessionToken } from '$lib/server/auth/session';
import { compressPage } from '$lib/server/compression';
import { setSecurityHeaders } from '$lib/server/security-headers';
import { databaseTime, withRequestTiming } from '$lib/server/timing';
import { getDb } from '$lib/server/db';
import { findUserScope } from '$lib/server/users/repository';
import { migrateToLatest } from '$lib/server/db/migrate';
import { closeOnShutdown } from '$lib/server/shutdown';
import {
	isPublicPageRoute,
	notModifiedIfFresh,
	refusePublicFlood
} from '$lib/server/public-pages/http';
import { createMicroCache } from '$lib/server/public-pages/micro-cache';

export const init: ServerInit = async () => {
	// `npm start` migrates once before it starts its workers (scripts/start.ts).
	if (!process.env.MIGRATIONS_DONE) await migrateToLatest(getDb());
	closeOnShutdown();
};

const handleI18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			// Besides scripts and styles, a Persian page's two font weights: fetched from the start,
			// its text is laid out once in its final font rather than again when each font arrives.
			preload: ({ type, path }) =>
				type === 'js' ||
				type === 'css' ||
				(type === 'font' && locale === 'fa' && /-arabic-.*\.woff2$/.test(path)),
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', getTextDirection(locale))
		});
	});

const handleAuth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(sessionCookieName(event.url));
	if (token) {
		const db = getDb();
		const session = await validateSessionToken(db, token);
		if (session) {
			event.locals.user = { ...session.user, scope: await findUserScope(db, session.user) };
			event.locals.sessionId = session.sessionId;
			if (session.renewedUntil)
				setSessionCookie(event.cookies, event.url, token, session.renewedUntil);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

// Headers every answer carries (the Content-Security-Policy comes from kit.csp in svelte.config.js)
// and Server-Timing: time in the database and the rest, so a slow request explains itself.
const handleSecurityHeaders: Handle = ({ event, resolve }) =>
	withRequestTiming(async () => {
		const started = performance.now();
		const response = await resolve(event);
		setSecurityHeaders(response.headers, event.url);
		const total = performance.now() - started;
		const db = databaseTime();
		response.headers.set(
			'server-timing',
			`db;dur=${db.toFixed(1)}, render;dur=${Math.max(0, total - db).toFixed(1)}`
		);
		return response;
	});

// Public pages: refused past the limit of their address (in its language), before any work.
const handlePublicLimit: Handle = async ({ event, resolve }) =>
	(await refusePublicFlood(getDb(), event)) ?? resolve(event);

// Public pages signed out: made once a minute at most, by URL (which holds the language).
const publicPages = createMicroCache();
const handlePublicCache: Handle = ({ event, resolve }) =>
	event.request.method === 'GET' && !event.locals.user && isPublicPageRoute(event.route.id)
		? publicPages.answer(event.url.pathname + event.url.search, async () => resolve(event))
		: resolve(event);

// An answer with an ETag the browser already holds goes back as "304 Not Modified", uncompressed.
const handleConditionalGet: Handle = async ({ event, resolve }) =>
	notModifiedIfFresh(event.request, await resolve(event));

const handleCompression: Handle = async ({ event, resolve }) =>
	compressPage(event.request, await resolve(event));

export const handle: Handle = sequence(
	handleConditionalGet,
	handleCompression,
	handleSecurityHeaders,
	handleI18n,
	handlePublicLimit,
	handleAuth,
	handlePublicCache
);
