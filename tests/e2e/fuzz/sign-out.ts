import fc from 'fast-check';
import { describeChanges, type DatabaseWatch } from './database';
import { postSignIn, sessionCookieOf, type FuzzAccount } from './accounts';
import { shortText } from './queries';
import { rawRequest } from './raw-request';

// /logout fuzzed: posted with a new session of an account made for it (a throwaway: ending it is
// the action's job), with none, or with a forged one; with random bodies, content types, origins
// and query strings. Never a 5xx. Sent on to the sign-in page, it ended the session it carried
// (one user_sessions row gone, one "signed out" entry) and wrote nothing without one; refused
// (4xx: another site's form), it wrote nothing and the session still works.

export type Carried = 'session' | 'none' | 'forged';

export interface SignOutAttempt {
	carried: Carried;
	forged: string;
	english: boolean;
	query: string;
	origin: string | null;
	contentType: string | null;
	body: string;
}

export const signOutAttemptArbitrary = (baseURL: string): fc.Arbitrary<SignOutAttempt> =>
	fc.record({
		carried: fc.constantFrom<Carried>('session', 'session', 'none', 'forged'),
		forged: fc.oneof(fc.stringMatching(/^[0-9A-Za-z._-]{1,80}$/), fc.constant('x.y')),
		english: fc.boolean(),
		query: fc.oneof(
			fc.constant(''),
			shortText.map((text) => `?${encodeURIComponent(text)}`)
		),
		origin: fc.constantFrom(baseURL, baseURL, null, 'http://evil.test', 'null'),
		contentType: fc.constantFrom(
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'text/plain',
			'application/json',
			'application/x-www-form-urlencoded; charset=utf-16',
			null
		),
		body: fc.oneof(
			fc.constant(''),
			fc
				.dictionary(fc.string({ maxLength: 12 }), shortText, { maxKeys: 3 })
				.map((form) => new URLSearchParams(form).toString()),
			shortText,
			fc.constant('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n')
		)
	});

const profileStatus = (baseURL: string, cookie: string) =>
	rawRequest(baseURL, { method: 'GET', path: '/profile', headers: { cookie } }).then((answer) =>
		answer.status()
	);

/** Sends the attempt; the problems it shows, none when all is well. */
export async function attemptSignOut(
	database: DatabaseWatch,
	baseURL: string,
	account: FuzzAccount,
	attempt: SignOutAttempt
): Promise<string[]> {
	let cookie: string | null = null;
	if (attempt.carried === 'session')
		cookie = sessionCookieOf(await postSignIn(baseURL, '/login', { ...account }));
	if (attempt.carried === 'forged') cookie = `session=${attempt.forged}`;
	const path = `${attempt.english ? '/en' : ''}/logout${attempt.query}`;
	const headers: Record<string, string> = { accept: 'text/html' };
	if (cookie) headers.cookie = cookie;
	if (attempt.origin) headers.origin = attempt.origin;
	if (attempt.contentType) headers['content-type'] = attempt.contentType;
	const before = database.snapshot();
	const answer = await rawRequest(baseURL, { method: 'POST', path, headers, body: attempt.body });
	const status = answer.status();
	const changes = database.changesSince(before);
	const sent = `${attempt.carried} ${path.slice(0, 200)} ${JSON.stringify(headers)} → ${status}`;
	const problems: string[] = [];
	if (attempt.carried === 'session' && !cookie) problems.push(`${sent}: could not sign in first`);
	let ended = false;
	if (status === 303) {
		const to = new URL(answer.headers().location ?? '', baseURL);
		if (to.origin !== new URL(baseURL).origin || !/^\/(en\/)?login$/.test(to.pathname))
			problems.push(`${sent}: sent to ${to.href}`);
		ended = attempt.carried === 'session';
	} else if (status < 400 || status >= 500) problems.push(`${sent}: answered ${status}`);
	const expected = ended ? { user_sessions: -1, audit_log: 1 } : {};
	const written = changes.filter(
		(c) => expected[c.table as keyof typeof expected] !== c.rowsAfter - c.rowsBefore
	);
	if (written.length) problems.push(`${sent} but wrote ${describeChanges(written)}`);
	if (ended && written.length === 0 && changes.length !== 2)
		problems.push(`${sent}: the session was not ended`);
	if (cookie && attempt.carried === 'session') {
		const still = await profileStatus(baseURL, cookie);
		if ((still === 200) === ended) problems.push(`${sent}: then /profile answered ${still}`);
	}
	return problems;
}
