import { expect, test } from '@playwright/test';

// The headers every page carries, the nonce on SvelteKit's own inline script, and SvelteKit's
// origin check refusing a form posted from another site.

test('pages carry a strict Content-Security-Policy and the hardening headers', async ({
	request
}) => {
	const response = await request.get('/');
	const headers = response.headers();
	const csp = headers['content-security-policy'] ?? '';
	for (const directive of [
		"default-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"frame-ancestors 'none'",
		"form-action 'self'"
	])
		expect(csp).toContain(directive);
	const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
	expect(scriptSrc).not.toContain('unsafe-inline');
	expect(csp).not.toContain('unsafe-eval');
	expect(/style-src ([^;]*)/.exec(csp)?.[1]).not.toContain('unsafe-inline');
	const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
	expect(nonce).toBeTruthy();
	expect(headers).toMatchObject({
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'same-origin',
		'x-frame-options': 'DENY'
	});
	expect(headers['permissions-policy']).toContain('camera=()');
	expect(headers['server-timing']).toMatch(/^db;dur=\d+(\.\d)?, render;dur=\d+(\.\d)?$/);
	// Served over plain HTTP here: no HSTS.
	expect(headers['strict-transport-security']).toBeUndefined();

	// Every inline script is SvelteKit's, with this response's nonce.
	const html = await response.text();
	const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((m) => m[1]);
	expect(inline.length).toBeGreaterThan(0);
	for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
});

test('the app runs under its policy without violations', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.goto('/login');
	await page.getByLabel('ایمیل').fill('admin@demo.test');
	await page.getByLabel('رمز عبور').fill('demo-pass-1405');
	await page.getByRole('button', { name: 'ورود' }).click();
	await expect(page.getByRole('button', { name: 'خروج' })).toBeVisible();
	for (const path of ['/sessions', '/calendar', '/schools', '/en/inbox']) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
	}
	expect(violations).toEqual([]);
});

test('a form posted from another site is refused', async ({ request }) => {
	const response = await request.post('/login', {
		headers: {
			origin: 'https://evil.example',
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: 'email=admin%40demo.test&password=demo-pass-1405'
	});
	expect(response.status()).toBe(403);
	expect(response.headers()['set-cookie']).toBeUndefined();
});
