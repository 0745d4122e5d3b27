import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const navigation = {
	'admin@demo.test': { sees: ['کاربران', 'رویدادها', 'فهرست محله‌ها'], role: 'مدیر سامانه' },
	'manager@demo.test': { sees: ['فهرست محله‌ها'], role: 'مدیر سرای محله' },
	'staff@demo.test': { sees: ['فهرست محله‌ها'], role: 'کادر مدرسه' },
	'liaison@demo.test': { sees: ['فهرست محله‌ها'], role: 'رابط آموزش‌وپرورش' }
};

for (const [email, { sees, role }] of Object.entries(navigation)) {
	test(`${email} signs in, sees their own navigation and signs out`, async ({ page }) => {
		await signIn(page, email);
		await expect(page.getByText(`(${role})`)).toBeVisible();
		const nav = page.getByRole('navigation', { name: 'ناوبری اصلی' });
		for (const label of sees) await expect(nav.getByRole('link', { name: label })).toBeVisible();
		if (!sees.includes('کاربران'))
			await expect(nav.getByRole('link', { name: 'کاربران' })).toHaveCount(0);
		await page.getByRole('button', { name: 'خروج' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await page.goto('/directory');
		await expect(page).toHaveURL(/\/login\?next=%2Fdirectory$/);
	});
}

test('the manager sees only their neighbourhoods in the directory', async ({ page }) => {
	await signIn(page, 'manager@demo.test');
	await page.goto('/directory');
	await expect(page.getByRole('heading', { name: 'دولاب', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'خاوران', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'شاهین', exact: true })).toHaveCount(0);
});

test('a wrong password gets the same message in Persian and in English', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('ایمیل').fill('liaison@demo.test');
	await page.getByLabel('رمز عبور').fill('not-the-password');
	await page.getByRole('button', { name: 'ورود' }).click();
	await expect(page.getByRole('alert')).toHaveText('ایمیل یا رمز عبور درست نیست.');

	await page.goto('/en/login');
	await page.getByLabel('Email').fill('nobody@demo.test');
	await page.getByLabel('Password').fill('not-the-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('The email or password is incorrect.');
});

test('an admin creates a user, who must change the temporary password first', async ({
	page,
	browser
}) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/users/new');
	await page.getByLabel('ایمیل').fill('new.liaison@demo.test');
	await page.getByLabel('نام نمایشی').fill('رابط تازه');
	await page.getByLabel('نقش').selectOption('liaison');
	await page.getByLabel('منطقه ۱۴').check();
	await page.getByLabel('رمز موقت').fill('temporary-pass-77');
	await page.getByRole('button', { name: 'ساخت کاربر' }).click();
	await expect(page.getByRole('heading', { name: 'new.liaison@demo.test' })).toBeVisible();

	const other = await browser.newPage();
	await other.goto('/login');
	await other.getByLabel('ایمیل').fill('new.liaison@demo.test');
	await other.getByLabel('رمز عبور').fill('temporary-pass-77');
	await other.getByRole('button', { name: 'ورود' }).click();
	await expect(other).toHaveURL(/\/profile\/password$/);
	await other.goto('/directory');
	await expect(other).toHaveURL(/\/profile\/password$/);
	await other.getByLabel('رمز فعلی').fill('temporary-pass-77');
	await other.getByLabel('رمز تازه', { exact: true }).fill('my-own-secret-2026');
	await other.getByLabel('تکرار رمز تازه').fill('my-own-secret-2026');
	await other.getByRole('button', { name: 'تغییر رمز' }).click();
	await expect(other.getByText('ذخیره شد.')).toBeVisible();
	await other.goto('/directory');
	await expect(other.getByRole('heading', { level: 1, name: 'فهرست محله‌ها' })).toBeVisible();
	await other.close();
});

test('repeated failed sign-ins for one account answer 429 with Retry-After, in the user’s language', async ({
	playwright,
	baseURL
}) => {
	const context = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL!, accept: 'text/html' }
	});
	const attempt = (path: string, password: string) =>
		context.post(path, {
			form: { email: 'manager2@demo.test', password },
			maxRedirects: 0
		});
	for (let i = 0; i < 5; i++)
		expect((await attempt('/login', 'wrong-password-x')).status()).toBe(400);

	const refused = await attempt('/login', 'demo-pass-1405');
	expect(refused.status()).toBe(429);
	const retryAfter = Number(refused.headers()['retry-after']);
	expect(retryAfter).toBeGreaterThan(0);
	expect(retryAfter).toBeLessThanOrEqual(15 * 60);
	expect(await refused.text()).toContain('تلاش‌های ناموفق زیادی انجام شده است');

	const english = await attempt('/en/login', 'demo-pass-1405');
	expect(english.status()).toBe(429);
	expect(await english.text()).toContain('Too many failed attempts');
	await context.dispose();
});
