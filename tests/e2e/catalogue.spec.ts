import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// Each run adds its own facilitator and topic (the names end in a run number), so runs and the
// demo catalogue do not get in each other's way.
const run = String(Date.now()).slice(-6);

test('an admin adds a facilitator with two topics and finds them by an Arabic-letter spelling', async ({
	page
}) => {
	const name = `کیمیا یکتا ${run}`;
	await signIn(page, 'admin@demo.test');
	await page.goto('/facilitators');
	await page.getByRole('link', { name: 'مربی تازه' }).click();
	await page.getByLabel('نام', { exact: true }).fill(name);
	await page.getByLabel('سازمان').selectOption({ label: 'مشاوره' });
	await page.getByLabel('تلفن').fill('۰۹۱۲ ۱۲۳ ۴۵۶۷');
	await page.getByRole('checkbox', { name: 'سلامت روان' }).check();
	await page.getByRole('checkbox', { name: 'مهارت‌های زندگی' }).check();
	await expect(page.getByRole('checkbox', { name: 'فعال است' })).toBeChecked();
	await page.getByRole('button', { name: 'ثبت مربی' }).click();

	await expect(page).toHaveURL(/\/facilitators\/\d+\?saved=1$/);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page.getByText('ذخیره شد.')).toBeVisible();

	await page.goto('/facilitators');
	await page.getByLabel('جست‌وجو').fill(`كيميا يكتا ${run}`); // Arabic ك and ي
	await page.getByRole('button', { name: 'اعمال' }).click();
	const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('مشاوره');
	await expect(row).toContainText('سلامت روان');
	await expect(row).toContainText('مهارت‌های زندگی');
	await expect(row).toContainText('۰۹۱۲۱۲۳۴۵۶۷');
});

test('an admin retires a topic, which then shows as retired', async ({ page }) => {
	const nameFa = `موضوع آزمایشی ${run}`;
	await signIn(page, 'admin@demo.test');
	await page.goto('/topics/new');
	await page.getByLabel('کد').fill(`e2e_topic_${run}`);
	await page.getByLabel('نام فارسی').fill(nameFa);
	await page.getByLabel('نام انگلیسی').fill(`Test topic ${run}`);
	await page.getByRole('checkbox', { name: 'والدین' }).check();
	await page.getByRole('button', { name: 'ثبت موضوع' }).click();
	await expect(page.getByRole('heading', { level: 1, name: nameFa })).toBeVisible();

	await page.getByRole('button', { name: 'کنار گذاشتن موضوع' }).click();
	await expect(page.getByText('موضوع کنار گذاشته شد.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('کنار گذاشته‌شده');
	await expect(page.getByRole('button', { name: 'بازگرداندن موضوع' })).toBeVisible();

	await page.goto('/topics');
	await expect(page.getByRole('link', { name: nameFa })).toHaveCount(0);
	await page.getByRole('checkbox', { name: 'نمایش موضوع‌های کنار گذاشته‌شده' }).check();
	await page.getByRole('button', { name: 'اعمال' }).click();
	const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: nameFa }) });
	await expect(row).toContainText('کنار گذاشته‌شده');
	// Demo topics are still active and unmarked.
	const active = page
		.getByRole('row')
		.filter({ has: page.getByRole('link', { name: 'سلامت روان' }) });
	await expect(active).toContainText('فعال');
});

test('a centre manager reads the facilitators without edit controls', async ({ page }) => {
	await signIn(page, 'manager@demo.test');
	await page.goto('/facilitators');
	await expect(page.getByRole('heading', { level: 1, name: 'مربیان' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'زهرا کریمی' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'مربی تازه' })).toHaveCount(0);

	await page.getByRole('link', { name: 'زهرا کریمی' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'زهرا کریمی' })).toBeVisible();
	const main = page.getByRole('main');
	await expect(main.getByText('بهزیستی')).toBeVisible();
	await expect(main.getByRole('textbox')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'ذخیره' })).toHaveCount(0);
});

test('school staff read the topics but get no facilitator pages', async ({ page }) => {
	await signIn(page, 'staff@demo.test');
	await page.goto('/en/topics');
	await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Child labour' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'New topic' })).toHaveCount(0);
	const response = await page.goto('/facilitators');
	expect(response?.status()).toBe(404);
});
