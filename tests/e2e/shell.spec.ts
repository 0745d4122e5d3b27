import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the home page is Persian and right-to-left, with the neighbourhoods', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1, name: 'زنگ پیشگیری' })).toBeVisible();
	await expect(page.getByText('دولاب', { exact: true })).toBeVisible();
	await expect(page.getByText('خاوران', { exact: true })).toBeVisible();
	await expect(page.getByText(/سال تحصیلی جاری: [۰-۹]{4}–[۰-۹]{4}/)).toBeVisible();
});

test('English lives under /en, left-to-right', async ({ page }) => {
	await page.goto('/en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(page.getByText('Dulab', { exact: true })).toBeVisible();
});

test('the language switch keeps the current page', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/directory');
	await expect(page.getByRole('heading', { level: 1, name: 'فهرست محله‌ها' })).toBeVisible();
	await page.getByRole('link', { name: 'English (تغییر زبان به انگلیسی)' }).click();
	await expect(page).toHaveURL(/\/en\/directory$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
	await page.getByRole('link', { name: 'فارسی (Switch language to Persian)' }).click();
	await expect(page).toHaveURL(/\/directory$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('the directory lists areas, neighbourhoods, their centre and schools on a phone', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await signIn(page, 'admin@demo.test');
	await page.goto('/directory');
	await expect(page.getByRole('heading', { name: 'ناحیه ۱', exact: true })).toBeVisible();
	const dulab = page
		.getByRole('article')
		.filter({ has: page.getByRole('heading', { name: 'دولاب', exact: true }) });
	await expect(dulab.getByText('سرای محله دولاب').first()).toBeVisible();
	await expect(dulab.getByRole('listitem').first()).toBeVisible();
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth > window.innerWidth
	);
	expect(overflow).toBe(false);
});

test('an unknown page gets a 404 page in the language of its address', async ({ page }) => {
	const fa = await page.goto('/no-such-page');
	expect(fa?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'صفحه پیدا نشد' })).toBeVisible();
	const en = await page.goto('/en/no-such-page');
	expect(en?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('/healthz answers 200 with JSON while the database answers', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok', database: 'ok', engine: 'sqlite' });
});

test('a refused request gets an explanation in the language of its address', async ({
	request,
	baseURL
}) => {
	// A form post to a page that takes none: 405, with the error page.
	const response = await request.post('/en/directory', {
		form: { a: '1' },
		headers: { origin: baseURL!, accept: 'text/html' }
	});
	expect(response.status()).toBe(405);
	const html = await response.text();
	expect(html).toContain('The request was not accepted.');
	expect(html).not.toContain('Method Not Allowed</p>');
});
