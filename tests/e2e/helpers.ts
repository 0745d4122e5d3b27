import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-pass-1405';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('ایمیل').fill(email);
	await page.getByLabel('رمز عبور').fill(password);
	await page.getByRole('button', { name: 'ورود' }).click();
	await expect(page.getByRole('button', { name: 'خروج' })).toBeVisible();
}
