import { expect, test } from '@playwright/test';
import { answerHeaderProblems, pageCspProblems } from '../helpers/hardening-headers';
import { copyE2eDatabase, freePort, startBuiltServer } from './built-server';
import { DEMO_PASSWORD } from './helpers';

// Served over HTTPS, every answer carries HSTS and the session cookie is `__Host-session`; over
// plain HTTP neither. The app never sees TLS: in production a proxy in front ends it and the app
// learns its public address either from ORIGIN or from the proxy's headers (PROTOCOL_HEADER and
// HOST_HEADER; README, "Production"). adapter-node builds each request's URL from them, and the
// URL's protocol is what makes the hook send HSTS and `src/lib/server/auth/cookie.ts` name the
// cookie `__Host-session` (besides NODE_ENV=production). So the built server is started here as
// production starts it, `node build`, both ways, and asked over plain HTTP as the proxy asks it;
// the browser tests' own server (ORIGIN=http://…) is the plain-HTTP case.

const HSTS = 'max-age=31536000; includeSubDomains';

/** Signs liaison@ in at `address`, posting from `origin` as the browser would, through `proxy`. */
async function signIn(address: string, origin: string, proxy = {}): Promise<Response> {
	return fetch(`${address}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			...proxy,
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email: 'liaison@demo.test', password: DEMO_PASSWORD })
	});
}

/** The answers the check reads: a page, a redirect to sign in, a missing page and an endpoint. */
async function answersAt(address: string, proxy = {}) {
	const paths = ['/', '/sessions', '/no-such-page', '/healthz'];
	return Promise.all(
		paths.map(async (path) => {
			const response = await fetch(`${address}${path}`, {
				redirect: 'manual',
				headers: { ...proxy, accept: 'text/html' }
			});
			return { path, status: response.status, headers: Object.fromEntries(response.headers) };
		})
	);
}

test('over plain HTTP no answer carries HSTS and the session cookie is plain "session"', async ({
	baseURL
}) => {
	const answers = await answersAt(baseURL!);
	expect(answers.map(({ path, status }) => `${path} ${status}`)).toEqual([
		'/ 200',
		'/sessions 303',
		'/no-such-page 404',
		'/healthz 200'
	]);
	for (const { path, headers } of answers)
		expect(answerHeaderProblems(headers, false), path).toEqual([]);
	const signedIn = await signIn(baseURL!, baseURL!);
	expect(signedIn.status).toBe(303);
	expect(signedIn.headers.get('strict-transport-security')).toBeNull();
	const [cookie] = signedIn.headers.getSetCookie();
	expect(cookie).toMatch(/^session=[^;]+;/);
	expect(cookie).not.toMatch(/;\s*Secure/i);
});

/** The two ways production tells the app its public address (README, "Production"). */
const httpsConfigs = [
	{
		name: 'ORIGIN=https://…',
		config: (origin: string) => ({ ORIGIN: origin }),
		proxy: (): Record<string, string> => ({})
	},
	{
		name: 'PROTOCOL_HEADER and HOST_HEADER, no ORIGIN',
		config: () => ({ PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' }),
		proxy: (origin: string): Record<string, string> => ({
			'x-forwarded-proto': 'https',
			'x-forwarded-host': new URL(origin).host
		})
	}
];

for (const { name, config, proxy: proxyOf } of httpsConfigs)
	test(`over HTTPS (${name}, behind a TLS proxy) every answer carries HSTS and the session cookie is __Host-session`, async () => {
		test.setTimeout(60_000);
		const port = await freePort();
		const origin = `https://localhost:${port}`;
		const proxy = proxyOf(origin);
		const database = test.info().outputPath('https.db');
		await copyE2eDatabase(database);
		const server = await startBuiltServer(config(origin), port, database);
		try {
			const answers = await answersAt(server.address, proxy);
			expect(answers.map(({ path, status }) => `${path} ${status}`)).toEqual([
				'/ 200',
				'/sessions 303',
				'/no-such-page 404',
				'/healthz 200'
			]);
			for (const { path, headers } of answers) {
				expect(headers['strict-transport-security'], path).toBe(HSTS);
				expect(answerHeaderProblems(headers, true), path).toEqual([]);
			}
			expect(pageCspProblems(answers[0]!.headers['content-security-policy'])).toEqual([]);

			const signedIn = await signIn(server.address, origin, proxy);
			expect(signedIn.status).toBe(303);
			expect(signedIn.headers.get('strict-transport-security')).toBe(HSTS);
			const [cookie = ''] = signedIn.headers.getSetCookie();
			// What a browser requires of a __Host- cookie: Secure, Path=/, no Domain.
			expect(cookie).toMatch(/^__Host-session=[^;]+;/);
			for (const attribute of [
				/;\s*Path=\/(;|$)/,
				/;\s*Secure(;|$)/,
				/;\s*HttpOnly(;|$)/,
				/;\s*SameSite=Lax(;|$)/
			])
				expect(cookie).toMatch(attribute);
			expect(cookie).not.toMatch(/;\s*Domain=/i);

			// The app reads the session back under that name, and under no other.
			const token = cookie.split(';')[0]!.slice('__Host-session='.length);
			const profile = (cookieName: string) =>
				fetch(`${server.address}/profile`, {
					redirect: 'manual',
					headers: { ...proxy, accept: 'text/html', cookie: `${cookieName}=${token}` }
				}).then((response) => response.status);
			expect(await profile('__Host-session')).toBe(200);
			expect(await profile('session')).toBe(303);

			// Signing out clears it with the same attributes.
			const out = await fetch(`${server.address}/logout`, {
				method: 'POST',
				redirect: 'manual',
				headers: { ...proxy, origin, accept: 'text/html', cookie: `__Host-session=${token}` }
			});
			expect(out.status).toBe(303);
			const [cleared = ''] = out.headers.getSetCookie();
			expect(cleared).toMatch(/^__Host-session=;/);
			expect(cleared).toMatch(/;\s*Secure(;|$)/);
			expect(cleared).toMatch(/;\s*Max-Age=0(;|$)/);
		} finally {
			await server.stop();
		}
	});
