import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const logPath = process.env.SERVER_LOG ?? 'test-results/server.log';

test('the server log holds no password and no session token', async ({ playwright, baseURL }) => {
	const context = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL!, accept: 'text/html' }
	});
	const wrongPassword = 'Wrong-Password-For-The-Log-Test';
	const failed = await context.post('/login', {
		form: { email: 'liaison@demo.test', password: wrongPassword },
		maxRedirects: 0
	});
	expect(failed.status()).toBe(400);
	const signedIn = await context.post('/login', {
		form: { email: 'staff2@demo.test', password: 'demo-pass-1405' },
		maxRedirects: 0
	});
	expect(signedIn.status()).toBe(303);
	const token = /session=([^;]+)/.exec(signedIn.headers()['set-cookie'] ?? '')?.[1];
	expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
	// Requests that the server does log: a missing page, signed in, with the token in its cookie.
	expect((await context.get('/no-such-page-for-the-log-test')).status()).toBe(404);
	await context.dispose();

	await expect
		.poll(() => readFileSync(logPath, 'utf8'))
		.toContain('/no-such-page-for-the-log-test');
	const log = readFileSync(logPath, 'utf8');
	// (The demo password itself is printed at start by design: `npm run demo` lists the accounts.)
	for (const secret of [wrongPassword, token!, token!.split('.')[1]!]) {
		expect(log).not.toContain(secret);
	}
});
