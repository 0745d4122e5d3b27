import fc from 'fast-check';
import { request, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { Role } from '../authorization-matrix';
import { DEMO_PASSWORD } from '../helpers';
import { describeChanges, type DatabaseWatch } from './database';
import { emails } from './forms';
import { encode, oddPieces, shortText } from './queries';
import { answerProblem } from './well-formed';
import { offSiteAddresses } from '../../helpers/off-site-addresses';

// The sign-in page's `next` (where to go once signed in), fuzzed the three ways it is read: the
// page opened signed out, the page opened signed in (sent on at once), and the form posted. The
// property is the one an open redirect breaks: wherever `next` points, the address a browser is
// sent to stays on this site (read as a browser reads it: WHATWG URL parsing, which turns `\` into
// `/` and drops tabs and newlines); an address of the app's own is kept as it is.

export type Way = 'signed out' | 'signed in' | 'sign in';

export interface NextRequest {
	way: Way;
	role: Exclude<Role, 'anonymous'>;
	english: boolean;
	query: string;
}

/** Other sites as the query carries them: the shared list, and a newline the server decodes. */
const offSite = [...offSiteAddresses, '/%0a/evil.test'];
/** The app's own addresses: signing in leads exactly there. */
const onSite = ['/sessions?status=held', '/en/inbox', '/campaigns/1#event-3', '/calendar'];

const nextValue = fc.oneof(
	fc.constantFrom(...offSite),
	fc.constantFrom(...onSite),
	shortText,
	fc.tuple(fc.constantFrom(...offSite, ...onSite), shortText).map(([a, b]) => a + b)
);
const nextPiece = fc
	.tuple(nextValue, fc.boolean())
	.map(([value, raw]) => `next=${encode(value, raw)}`);

export const nextRequestArbitrary: fc.Arbitrary<NextRequest> = fc.record({
	way: fc.constantFrom<Way>('signed out', 'signed in', 'sign in'),
	role: fc.constantFrom('admin', 'center_manager', 'school_staff', 'liaison'),
	english: fc.boolean(),
	query: fc
		.tuple(nextPiece, fc.option(fc.oneof(nextPiece, oddPieces), { nil: undefined }))
		.map((pieces) => pieces.filter(Boolean).join('&'))
});

/** Every off-site address, posted with the sign-in form, tried first. */
export const offSiteExamples: [NextRequest][] = offSite.map((next) => [
	{ way: 'sign in', role: 'liaison', english: false, query: `next=${encode(next, false)}` }
]);

/** Where a browser would go: on this site, and to the very address when it is the app's own. */
function redirectProblem(response: APIResponse, baseURL: string, path: string): string | null {
	if (response.status() !== 303) return `answered ${response.status()}, not 303`;
	const location = response.headers().location ?? '';
	const to = new URL(location, response.url());
	if (to.origin !== new URL(baseURL).origin) return `sent to ${to.href} (Location ${location})`;
	// As the server reads it: a raw `#` ends the query, and what follows is never sent.
	const next = new URL(path, baseURL).searchParams.get('next') ?? '';
	if (onSite.includes(next) && location !== next) return `sent to ${location}, not ${next}`;
	return null;
}

/** Asks once; the problems it shows, none when all is well. */
export async function askNext(
	database: DatabaseWatch,
	signedIn: Map<Role, APIRequestContext>,
	baseURL: string,
	asked: NextRequest
): Promise<string[]> {
	const path = `${asked.english ? '/en' : ''}/login?${asked.query}`;
	const client =
		asked.way === 'signed in'
			? signedIn.get(asked.role)!
			: await request.newContext({
					baseURL,
					extraHTTPHeaders: { origin: baseURL, accept: 'text/html' }
				});
	try {
		const before = database.snapshot();
		const response =
			asked.way === 'sign in'
				? await client.post(path, {
						form: { email: emails[asked.role], password: DEMO_PASSWORD },
						maxRedirects: 0
					})
				: await client.get(path, { maxRedirects: 0 });
		const problem =
			asked.way === 'signed out'
				? await answerProblem('page', response)
				: redirectProblem(response, baseURL, path);
		// Signing in writes its session and the audit entry "signed in", nothing else.
		const written = database
			.changesSince(before)
			.filter(
				(change) =>
					!(
						asked.way === 'sign in' &&
						['user_sessions', 'audit_log'].includes(change.table) &&
						change.rowsAfter === change.rowsBefore + 1
					)
			);
		const sent = `${asked.way} ${asked.role} ${path.slice(0, 300)} → ${response.status()}`;
		return [
			...(problem ? [`${sent}: ${problem}`] : []),
			...(written.length ? [`${sent} but wrote ${describeChanges(written)}`] : [])
		];
	} finally {
		if (asked.way !== 'signed in') await client.dispose();
	}
}
