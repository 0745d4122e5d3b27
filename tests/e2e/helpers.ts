import { expect, request, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-pass-1405';

/** The database of the browser tests' server, where playwright.config.ts puts it. */
export const e2eDatabasePath = process.env.E2E_PORT
	? `test-results/run-${process.env.E2E_PORT}/e2e.db`
	: 'test-results/e2e.db';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('ایمیل').fill(email);
	await page.getByLabel('رمز عبور').fill(password);
	await page.getByRole('button', { name: 'ورود' }).click();
	await expect(page.getByRole('button', { name: 'خروج' })).toBeVisible();
}

/**
 * The address of a real public feedback form that takes answers, made the way the app makes one:
 * the printable sheet of the demo's session 4 (confirmed, six days ago, at staff@'s school) makes
 * the session's link the first time it is opened, and shows it.
 */
export const openFeedbackFormPath = (baseURL: string): Promise<string> =>
	feedbackFormPath(baseURL, '/sessions/4/sheet', 'staff@demo.test');

/**
 * The address of a session's or campaign event's public feedback form, from its printable sheet
 * (`/sessions/<id>/sheet`, `/campaigns/<id>/events/<id>/sheet`) as `email` sees it.
 */
export async function feedbackFormPath(
	baseURL: string,
	sheetPath: string,
	email: string
): Promise<string> {
	const context = await request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL, accept: 'text/html' }
	});
	try {
		const signedIn = await context.post('/login', {
			form: { email, password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		expect(signedIn.status()).toBe(303);
		const sheet = await context.get(sheetPath);
		expect(sheet.status()).toBe(200);
		const token = /\/f\/([0-9A-Za-z]{12})\b/.exec(await sheet.text())?.[1];
		expect(token, "the sheet shows its form's link").toBeTruthy();
		return `/f/${token}`;
	} finally {
		await context.dispose();
	}
}
