import { matrix, type Role } from '../authorization-matrix';
import { describeChanges, type DatabaseWatch } from './database';
import { cookieHeader, rawRequest, type RawAnswer } from './raw-request';
import type { Session } from './forms';
import type { SegmentRequest } from './segment-requests';
import { answerProblem } from './well-formed';

// The path segments of the app's dynamic pages (record ids, the feedback form's token) fuzzed:
// each route is asked at the addresses of the authorization matrix with one segment replaced by
// random text, near-valid forms of a real id (0-padded, signed, hex, a float, Persian digits,
// percent-encoded, with a traversal or a NUL after it) or odd numbers, sent as written (Node's
// client, so `%2e%2e` and broken escapes reach the server), signed out and as every role. Never
// a 5xx; signed in, a whole page or the error page; signed out, the sign-in page; an address that
// names a record the matrix refuses the role (or no record at all) is never answered 200; and
// nothing is written, but the feedback link a printable sheet or an attendance page makes the
// first time it is shown.

export interface SegmentTarget {
	route: string;
	/** The route's addresses, split at `/`, and the roles each is refused to (403 or 404). */
	addresses: { segments: string[]; refused: Set<Role> }[];
	/** Where the route's parameters are among the segments. */
	params: number[];
}

const refusal = (outcome: unknown) => outcome === 403 || outcome === 404;

/**
 * Every dynamic GET route of the matrix but the calendar feed (whose token the query fuzzer
 * forges), its addresses and, beside them, `extra` addresses (a real feedback link, an event of
 * a campaign outside a role's scope) with the roles they are refused to.
 */
export function segmentTargets(
	extra: { route: string; path: string; refused: Role[] }[]
): SegmentTarget[] {
	const targets = new Map<string, SegmentTarget>();
	const add = (route: string, path: string, refused: Set<Role>) => {
		const target = targets.get(route) ?? {
			route,
			addresses: [],
			params: route.split('/').flatMap((part, index) => (part.startsWith('[') ? [index] : []))
		};
		const segments = path.split('?')[0]!.split('/');
		const same = target.addresses.find((known) => known.segments.join('/') === segments.join('/'));
		if (same) for (const role of refused) same.refused.add(role);
		else target.addresses.push({ segments, refused });
		targets.set(route, target);
	};
	for (const row of matrix) {
		if (row.method !== 'GET' || !row.route.includes('[') || row.route.endsWith('.ics')) continue;
		if (row.path.startsWith('/en/')) continue;
		const refused = (Object.keys(row.expect) as Role[]).filter((r) => refusal(row.expect[r]));
		add(row.route, row.path, new Set(refused));
	}
	for (const { route, path, refused } of extra) add(route, path, new Set(refused));
	return [...targets.values()];
}

/** The segment as the app reads it, or null when it cannot be decoded. */
function decoded(segment: string): string | null {
	try {
		return decodeURIComponent(segment);
	} catch {
		return null;
	}
}

/** The record id the app reads (a positive safe integer written plainly: `12`, not `012`), or null. */
function idOf(segment: string): number | null {
	const text = decoded(segment);
	const n = Number(text);
	return text !== null && /^[1-9][0-9]*$/.test(text) && Number.isSafeInteger(n) ? n : null;
}

/**
 * An empty segment, `.`, `..` and their escapes: the address leaves the route (a URL parser
 * resolves the dots; SvelteKit sends `/sessions/` on to `/sessions`).
 */
const leavesRoute = (segment: string) => /^(\.|%2e){0,2}$/i.test(segment);

/** Why the answer is wrong for this address and role; null when it is right. */
async function segmentProblem(
	target: SegmentTarget,
	asked: SegmentRequest,
	segments: string[],
	answer: RawAnswer,
	baseURL: string
): Promise<string | null> {
	const status = answer.status();
	if (status >= 500) return `answered ${status}`;
	const location = answer.headers().location;
	if (location !== undefined) {
		const to = new URL(location, baseURL);
		if (to.origin !== new URL(baseURL).origin) return `sent off the site to ${to.href}`;
		if (leavesRoute(asked.segment)) return null;
		const toSignIn = /^\/(en\/)?login(\?|$)/.test(to.pathname + to.search);
		const signedOut = asked.role === 'anonymous' && target.route !== '/f/[token]';
		return signedOut && toSignIn && status === 303 ? null : `sent to ${location} (${status})`;
	}
	const problem = await answerProblem('page', answer);
	if (problem || status !== 200 || leavesRoute(asked.segment)) return problem;
	if (asked.role === 'anonymous' && target.route !== '/f/[token]') return 'a page shown signed out';
	// A 200: the address must name a record the role may read.
	if (target.route === '/f/[token]') {
		const real = target.addresses.some(
			(a) => !a.refused.size && a.segments[2] === decoded(asked.segment)
		);
		return real ? null : 'a feedback form at a token no link has';
	}
	const ids = target.params.map((index) => idOf(segments[index]!));
	if (ids.includes(null)) return 'a page at an address whose id is not a number';
	const refusedHere = target.addresses.some(
		(a) =>
			a.refused.has(asked.role) &&
			target.params.every((index, i) => idOf(a.segments[index]!) === ids[i])
	);
	return refusedHere ? 'a record outside the role’s scope' : null;
}

/** Asks once; the problems it shows, none when all is well. */
export async function askSegment(
	database: DatabaseWatch,
	sessions: Map<Role, Session>,
	baseURL: string,
	target: SegmentTarget,
	asked: SegmentRequest
): Promise<string[]> {
	const segments = [...target.addresses[asked.address]!.segments];
	segments[asked.param] = asked.segment;
	const path = `${asked.english ? '/en' : ''}${segments.join('/')}`;
	const session = sessions.get(asked.role);
	const before = database.snapshot();
	const answer = await rawRequest(baseURL, {
		method: 'GET',
		path,
		headers: {
			accept: 'text/html',
			...(session?.cookies.length ? { cookie: cookieHeader(session.cookies) } : {})
		}
	});
	const sent = `${asked.role} ${path.slice(0, 200)} → ${answer.status()}`;
	const problem = await segmentProblem(target, asked, segments, answer, baseURL);
	// A printable sheet, and an attendance page's feedback panel, make the session's or event's
	// feedback link the first time they are shown.
	const written = database
		.changesSince(before)
		.filter(
			(change) =>
				!(
					/\/(sheet|attendance)$/.test(target.route) &&
					answer.status() === 200 &&
					change.table === 'feedback_links' &&
					change.rowsAfter === change.rowsBefore + 1
				)
		);
	return [
		...(problem ? [`${sent}: ${problem}`] : []),
		...(written.length ? [`${sent} but wrote ${describeChanges(written)}`] : [])
	];
}
