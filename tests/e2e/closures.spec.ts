import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// On the shared demo database: generates the current year's fixed holidays first (idempotent, so
// closure 1 stays a holiday for the authorization matrix), then adds, edits and deletes its own
// exam period, and saves the settings back to their defaults.

test('an admin generates the fixed holidays and keeps an exam period', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/closures');
	await expect(page.getByRole('heading', { level: 1, name: 'تعطیلی‌ها' })).toBeVisible();
	await page.getByRole('button', { name: 'ثبت تعطیلات رسمی ثابت این سال تحصیلی' }).click();
	await expect(page.getByRole('status')).toContainText('تعطیل رسمی افزوده شد');
	await expect(page.getByRole('row').filter({ hasText: 'نوروز' })).toHaveCount(1);
	await page.getByRole('button', { name: 'ثبت تعطیلات رسمی ثابت این سال تحصیلی' }).click();
	await expect(page.getByRole('status')).toContainText('۰');
	await expect(page.getByRole('row').filter({ hasText: 'نوروز' })).toHaveCount(1);

	await page.getByRole('link', { name: 'افزودن تعطیلی' }).click();
	await page.getByLabel('نوع').selectOption({ label: 'دوره امتحانات' });
	await page.getByLabel('عنوان یا دلیل (فارسی)').fill('امتحانات آزمایشی');
	await page.getByLabel('از تاریخ').fill('۱۴۰۵/۱۰/۲۰');
	await page.getByLabel('تا تاریخ (شامل همین روز)').fill('1405/10/10');
	await page.getByRole('button', { name: 'افزودن تعطیلی' }).click();
	await expect(page.getByText('تاریخ پایان نمی‌تواند پیش از تاریخ شروع باشد.')).toBeVisible();
	await page.getByLabel('تا تاریخ (شامل همین روز)').fill('۱۴۰۵/۱۰/۲۵');
	await page.getByRole('button', { name: 'افزودن تعطیلی' }).click();
	await expect(page.getByText('تعطیلی ثبت شد.')).toBeVisible();

	await page.getByLabel('عنوان یا دلیل (انگلیسی)').fill('Mock exams');
	await page.getByRole('button', { name: 'ذخیره' }).click();
	await expect(page.getByText('ذخیره شد.')).toBeVisible();

	await page.getByRole('button', { name: 'حذف این تعطیلی' }).click();
	await expect(page.getByText('تعطیلی حذف شد.')).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: 'امتحانات آزمایشی' })).toHaveCount(0);
});

test('an admin saves the district settings; a bad deadline is refused', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/settings');
	await page.getByLabel('مهلت پاسخ مدرسه (روز)').fill('31');
	await page.getByRole('button', { name: 'ذخیره' }).click();
	await expect(page.getByText('مهلت پاسخ باید عددی از ۱ تا ۳۰ روز باشد.')).toBeVisible();
	await page.getByLabel('مهلت پاسخ مدرسه (روز)').fill('3');
	await page.getByRole('button', { name: 'ذخیره' }).click();
	await expect(page.getByText('ذخیره شد.')).toBeVisible();
});

test('school staff get 404 on the closures pages', async ({ page }) => {
	await signIn(page, 'staff@demo.test');
	for (const path of ['/admin/closures', '/admin/settings', '/admin/closures/new']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
	}
});
