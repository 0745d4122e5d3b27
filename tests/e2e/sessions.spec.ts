import { expect, test, type Browser, type Page } from '@playwright/test';
import { parseDate } from '@internationalized/date';
import { toJalali } from '../../src/lib/i18n/jalali';
import { signIn } from './helpers';

// The whole handshake in Persian, on the shared demo database: manager@ proposes at دولاب's paired
// school, staff@ proposes another time, the manager accepts, both see the session confirmed on
// their calendars, and staff2@ (another school) gets 404 on it. The session sits at 12:00, a
// time the demo's own sessions leave free, some weeks ahead.

const jalali = (isoDate: string) => {
	const { year, month, day } = toJalali(isoDate);
	return { text: `${year}/${month}/${day}`, month: `${year}-${String(month).padStart(2, '0')}` };
};

async function userPage(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

/** Proposes from the first open day at least `days` ahead; answers the session's address. */
async function propose(page: Page, days: number): Promise<{ url: string; date: string }> {
	const today = parseDate(new Date().toISOString().slice(0, 10));
	await page.goto('/sessions/new');
	// Choices made before the page is hydrated would be reset by it.
	await page.waitForLoadState('networkidle');
	const place = page.getByLabel('محله و مدرسهٔ هم‌پیمان');
	const dowlab = await place.locator('option', { hasText: /^دولاب — / }).getAttribute('value');
	await place.selectOption(dowlab!);
	await page.getByLabel('موضوع').selectOption({ index: 1 });
	await page.getByLabel('تسهیلگر').selectOption({ index: 1 });
	await page.getByLabel('پایهٔ ۸').check();
	await page.getByLabel('شمار پیش‌بینی‌شده').fill('۴۵');
	await page.getByLabel('ساعت شروع').fill('۱۲:۰۰');
	await page.getByLabel('مدت (دقیقه)').fill('45');
	// Fridays and holidays are refused with a message; the next day is tried.
	for (let offset = days; offset < days + 14; offset++) {
		const date = today.add({ days: offset }).toString();
		await page.getByLabel('تاریخ', { exact: true }).fill(jalali(date).text);
		await page.getByRole('button', { name: 'فرستادن پیشنهاد به مدرسه' }).click();
		const sent = page.getByText('پیشنهاد برای مدرسه فرستاده شد.');
		const refused = page.locator('.error');
		await expect(sent.or(refused.first())).toBeVisible();
		if (await sent.isVisible()) return { url: new URL(page.url()).pathname, date };
	}
	throw new Error('No open day found for the proposal.');
}

test('a proposal goes through the handshake to confirmed on both calendars', async ({
	browser
}) => {
	// Three people, each signing in: longer than one page's test.
	test.setTimeout(90_000);
	const manager = await userPage(browser, 'manager@demo.test');
	const { url, date } = await propose(manager, 35);
	await expect(manager.getByText('در انتظار پاسخ مدرسه')).toBeVisible();

	const staff = await userPage(browser, 'staff@demo.test');
	await staff.goto(url);
	await staff.waitForLoadState('networkidle');
	await staff.locator('summary', { hasText: 'پیشنهاد زمان دیگر' }).click();
	const counterDate = parseDate(date).add({ days: 1 });
	const counter = staff.locator('form[action="?/counter_propose"]');
	// A Friday is refused with its reason; then the day after.
	const friday = counterDate.add({ days: (5 - counterDate.toDate('UTC').getUTCDay() + 7) % 7 });
	await counter.getByLabel('تاریخ', { exact: true }).fill(jalali(friday.toString()).text);
	await counter.getByRole('button', { name: 'پیشنهاد زمان دیگر' }).click();
	await expect(staff.getByText('جمعه تعطیل است؛ روز دیگری را انتخاب کنید.')).toBeVisible();
	const nextDay = friday.add({ days: 1 }).toString();
	await counter.getByLabel('تاریخ', { exact: true }).fill(jalali(nextDay).text);
	await counter.getByRole('button', { name: 'پیشنهاد زمان دیگر' }).click();
	await expect(staff.getByText('پیشنهاد زمان دیگر از مدرسه').first()).toBeVisible();

	// The manager's page still shows the proposal as it was before the school answered: cancelling
	// from it is refused as stale, with the message, and changes nothing.
	await manager.locator('summary', { hasText: 'لغو جلسه' }).click();
	const cancel = manager.locator('form[action="?/cancel"]');
	await cancel.getByLabel('دلیل').fill('تسهیلگر بیمار است');
	await cancel.getByRole('button', { name: 'لغو جلسه' }).click();
	await expect(
		manager.getByText('کس دیگری در این میان این جلسه را تغییر داده است.', { exact: false })
	).toBeVisible();

	await manager.goto(url);
	await manager.waitForLoadState('networkidle');
	await manager.getByRole('button', { name: 'پذیرفتن زمان پیشنهادی مدرسه' }).click();
	await expect(manager.getByText('تأییدشده').first()).toBeVisible();
	await expect(manager.getByRole('heading', { name: 'تاریخچه' })).toBeVisible();
	await expect(
		manager.getByRole('listitem').filter({ hasText: 'پذیرش پیشنهاد مدرسه' })
	).toHaveCount(1);
	await expect(manager.getByRole('listitem').filter({ hasText: 'لغو جلسه' })).toHaveCount(0);

	for (const page of [manager, staff]) {
		await page.goto(`/calendar?month=${jalali(nextDay).month}`);
		const entry = page.locator(`a[href="${url}"]`).first();
		await expect(entry).toBeAttached();
		await expect(
			page
				.locator('li, article, div')
				.filter({ has: page.locator(`a[href="${url}"]`) })
				.filter({
					hasText: 'تأییدشده'
				})
		).not.toHaveCount(0);
	}

	const other = await userPage(browser, 'staff2@demo.test');
	const response = await other.goto(url);
	expect(response?.status()).toBe(404);
});

test('the sessions list filters by status and pages in Persian', async ({ page }) => {
	await signIn(page, 'liaison@demo.test');
	await page.goto('/sessions');
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('heading', { level: 1, name: 'جلسه‌های زنگ پیشگیری' })).toBeVisible();
	await page.getByLabel('وضعیت').selectOption({ label: 'لغوشده' });
	await page.getByRole('button', { name: 'اعمال' }).click();
	await expect(page).toHaveURL(/status=cancelled/);
	const rows = page.locator('tbody tr');
	await expect(rows.filter({ hasText: 'لغوشده' }).first()).toBeVisible();
	await expect(rows.filter({ hasText: 'تأییدشده' })).toHaveCount(0);
});
