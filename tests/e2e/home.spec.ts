import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test("an admin's home lists the neighbourhoods still without a school this year", async ({
	page
}) => {
	await signIn(page, 'admin@demo.test');
	const unpaired = page.getByRole('region', { name: /محله‌های بی‌مدرسه در سال جاری/ });
	await expect(unpaired).toBeVisible();
	await expect(unpaired.getByText('مینایی جنوبی')).toBeVisible();
	await expect(
		unpaired.getByRole('link', { name: 'هم‌پیمان کردن در صفحهٔ هم‌پیمانی‌ها' })
	).toBeVisible();
});

test("a centre manager's home shows their neighbourhoods' schools, and nobody else's", async ({
	page
}) => {
	await signIn(page, 'manager@demo.test');
	const paired = page.getByRole('region', { name: 'هر محله یک مدرسه: سال جاری' });
	await expect(paired.getByRole('cell', { name: 'دولاب', exact: true })).toBeVisible();
	await expect(paired.getByRole('cell', { name: 'خاوران', exact: true })).toBeVisible();
	await expect(paired.getByRole('cell', { name: 'سرای محله دولاب', exact: true })).toBeVisible();
	await expect(paired.getByRole('cell', { name: 'شاهین', exact: true })).toHaveCount(0);
	await expect(page.getByRole('region', { name: /محله‌های بی‌مدرسه/ })).toHaveCount(0);
});

test("school staff's home shows their school's neighbourhood, in English too", async ({ page }) => {
	await signIn(page, 'staff@demo.test');
	await page.goto('/en');
	const paired = page.getByRole('region', { name: 'One school per neighbourhood: this year' });
	await expect(paired.getByRole('cell', { name: 'Dulab', exact: true })).toBeVisible();
	await expect(paired.getByRole('row')).toHaveCount(2);
});
