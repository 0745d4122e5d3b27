import fc from 'fast-check';
import { expect, request, type APIRequestContext } from '@playwright/test';
import type { DatabaseWatch } from './database';
import { contextFor } from './forms';
import { rawRequest, type RawAnswer } from './raw-request';

// Accounts made for the fuzzer the way people get one: admin@ creates a liaison with a temporary
// password, who signs in and sets their own. Failed sign-ins then throttle no demo account, and a
// password fuzz that went wrong could lock out only its own account.

export interface FuzzAccount {
	email: string;
	password: string;
}

const temporaryPassword = 'temporary-fuzz-7731';

/** A new account, and a client signed in as it. */
export async function newFuzzAccount(
	baseURL: string,
	database: DatabaseWatch,
	name: string
): Promise<{ account: FuzzAccount; context: APIRequestContext }> {
	const account = { email: `fuzz.${name}.${Date.now()}@demo.test`, password: `fuzz-${name}-1405` };
	const admin = await contextFor('admin', baseURL);
	const created = await admin.post('/admin/users/new', {
		form: {
			email: account.email,
			display_name: `fuzz ${name}`,
			role: 'liaison',
			district_ids: String(database.value('select id from districts order by id limit 1')),
			locale: 'fa',
			temporary_password: temporaryPassword
		},
		maxRedirects: 0
	});
	expect(created.status()).toBe(303);
	await admin.dispose();
	const context = await request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL, accept: 'text/html' }
	});
	const first = await context.post('/login', {
		form: { email: account.email, password: temporaryPassword },
		maxRedirects: 0
	});
	expect(first.headers().location).toMatch(/\/profile\/password$/);
	const changed = await context.post('/profile/password', {
		form: {
			current_password: temporaryPassword,
			new_password: account.password,
			confirm_password: account.password
		},
		maxRedirects: 0
	});
	expect(changed.status()).toBe(303);
	return { account, context };
}

/**
 * A loopback address other than 127.0.0.1, which the other tests sign in from: the server sees
 * each request's own (it trusts no forwarding header), so failed sign-ins count against it alone.
 */
export const loopbackAddress = fc
	.tuple(fc.nat(255), fc.nat(255), fc.integer({ min: 2, max: 254 }))
	.map(([a, b, c]) => `127.${a}.${b}.${c}`);

/** Posts the sign-in form from `from`, as a browser on the sign-in page would. */
export const postSignIn = (
	baseURL: string,
	path: string,
	form: Record<string, string>,
	from?: string
): Promise<RawAnswer> =>
	rawRequest(baseURL, {
		method: 'POST',
		path,
		from,
		headers: {
			origin: baseURL,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(form).toString()
	});

/** The session cookie (`name=value`) a successful sign-in sets. */
export const sessionCookieOf = (answer: RawAnswer): string | null =>
	/(?:^|, )(session=[^;]+)/.exec(answer.headers()['set-cookie'] ?? '')?.[1] ?? null;
