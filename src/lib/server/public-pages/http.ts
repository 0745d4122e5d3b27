import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import type { DB } from '../db/connect.ts';
import { takeHit, type RateLimit } from '../rate-limit/fixed-window.ts';

// How the public neighbourhood pages, posters and feeds answer a crowd. A signed-out answer may be
// kept by browsers and proxies for a minute and carries an ETag, so a proxy in front absorbs a
// flood and a browser asking again gets "304 Not Modified" without the page. Every request to
// them counts against its address; past the limit the answer is 429, before any page is made.
// Signed in, the same pages show the visitor's own navigation: kept by nobody.

export const PUBLIC_MAX_AGE_SECONDS = 60;

function perMinute(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Generous: many homes and phones reach the internet through one shared address (carrier NAT).
 * PUBLIC_REQUESTS_PER_MINUTE changes it (README).
 */
export const publicPageLimit: RateLimit = {
	name: 'public-pages',
	limit: perMinute('PUBLIC_REQUESTS_PER_MINUTE', 300),
	windowSeconds: 60
};

/** Routes anyone may read without signing in, under the limit. */
export const isPublicPageRoute = (routeId: string | null) => !!routeId?.startsWith('/n/');

/** The answer's caching headers; `content` is what the answer is made from (for its ETag). */
export function publicCacheHeaders(signedIn: boolean, content: string): Record<string, string> {
	if (signedIn) return { 'cache-control': 'private, no-cache' };
	const hash = createHash('sha256').update(content).digest('base64url').slice(0, 27);
	return {
		'cache-control': `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`,
		etag: `W/"${hash}"`,
		// A visitor who signs in must not get the signed-out copy from their browser's cache.
		vary: 'Cookie'
	};
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** "304 Not Modified" when the request's If-None-Match names the answer's ETag; else the answer. */
export function notModifiedIfFresh(request: Request, response: Response): Response {
	const etag = response.headers.get('etag');
	const asked = request.headers.get('if-none-match');
	if (!etag || !asked || response.status !== 200) return response;
	if (request.method !== 'GET' && request.method !== 'HEAD') return response;
	const fresh = asked.trim() === '*' || asked.split(',').some((t) => opaque(t) === opaque(etag));
	if (!fresh) return response;
	void response.body?.cancel();
	const headers = new Headers(response.headers);
	for (const name of ['content-length', 'content-encoding', 'content-type']) headers.delete(name);
	return new Response(null, { status: 304, headers });
}

/** 429 with the wait when the address is over the public pages' limit; null otherwise. */
export async function refusePublicFlood(
	db: DB,
	event: { route: { id: string | null }; getClientAddress: RequestEvent['getClientAddress'] },
	now = new Date()
): Promise<Response | null> {
	if (!isPublicPageRoute(event.route.id)) return null;
	const decision = await takeHit(db, publicPageLimit, event.getClientAddress(), now);
	if (decision.allowed) return null;
	return new Response(m.public_rate_limited(), {
		status: 429,
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'retry-after': String(decision.retryAfterSeconds),
			'cache-control': 'no-store'
		}
	});
}
