import { expect } from '@playwright/test';
import type { Role } from '../authorization-matrix';
import { contextFor } from './forms';

// The secrets the GET fuzzer needs, made the way people make them: on /profile, where the new API
// token and the calendar feed's address are shown once, in the answer to the form.

/** A new API token of the role's user (admin or liaison). */
export async function newApiToken(baseURL: string, role: Role): Promise<string> {
	const context = await contextFor(role, baseURL);
	try {
		const answer = await context.post('/profile?/createApiToken', { form: { name: 'fuzz' } });
		expect(answer.status()).toBe(200);
		const token = /name="api_token_value"[^>]*\svalue="([^"]+)"/.exec(await answer.text())?.[1];
		expect(token, 'the profile page shows the new token').toBeTruthy();
		return token!;
	} finally {
		await context.dispose();
	}
}

/** The path of a new calendar feed of the role's user. */
export async function newCalendarFeedPath(baseURL: string, role: Role): Promise<string> {
	const context = await contextFor(role, baseURL);
	try {
		const answer = await context.post('/profile?/createCalendarFeed', { form: {} });
		expect(answer.status()).toBe(200);
		const path = /\/calendar\/feed\/[^"/]+\.ics/.exec(await answer.text())?.[0];
		expect(path, "the profile page shows the feed's address").toBeTruthy();
		return path!;
	} finally {
		await context.dispose();
	}
}
