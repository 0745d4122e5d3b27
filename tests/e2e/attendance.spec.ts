import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// On the shared demo database, in Persian: staff@ records the attendance of the demo's confirmed
// past session at دولاب (it becomes held); a participant opens the session's public link on a
// phone without signing in and answers; staff@ sees the answer in the session's summary; the
// printable sheet prints to one A4 page in Persian and in English.

/** Pages in a PDF made by Chromium: one `/Type /Page` object each (`/Pages` is the tree). */
function pageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

async function printedPages(page: Page, path: string): Promise<number> {
	await page.goto(path);
	await expect(page.getByRole('img', { name: /QR/ })).toBeVisible();
	return pageCount(await page.pdf({ format: 'A4', printBackground: true }));
}

test('attendance, anonymous feedback from a phone, the summary and the printed sheet', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'staff@demo.test');

	// The overdue list holds the demo's confirmed session of six days ago.
	await staff.goto('/sessions?overdue=1');
	await staff.getByRole('row').filter({ hasText: 'مهارت‌های زندگی' }).getByRole('link').click();
	await staff.waitForURL((url) => /^\/sessions\/\d+$/.test(url.pathname));
	await expect(staff.getByText('تأییدشده').first()).toBeVisible();
	const sessionPath = new URL(staff.url()).pathname;
	await staff.getByRole('link', { name: 'ثبت حضور' }).click();
	await staff.waitForURL((url) => url.pathname.endsWith('/attendance'));
	await staff.waitForLoadState('networkidle');

	await staff.getByLabel('پایهٔ ۷، دختران').fill('۲۵');
	await staff.getByLabel('پایهٔ ۸، دختران').fill('۲۰');
	await staff.getByLabel('پایهٔ ۹، دختران').fill('-3');
	await staff.getByLabel('معلمان و کارکنان').fill('۲');
	await staff.getByRole('button', { name: 'ثبت حضور' }).click();
	await expect(staff.getByText('یک عدد صحیح از ۰ تا ۵٬۰۰۰ بنویسید.')).toBeVisible();
	await staff.getByLabel('پایهٔ ۹، دختران').fill('۱۸');
	await staff.getByRole('button', { name: 'ثبت حضور' }).click();
	await expect(staff.getByText('آمار حضور ذخیره شد.')).toBeVisible();
	await expect(staff.getByText('برگزارشده').first()).toBeVisible();
	// 25 + 20 + 18 students and 2 teachers.
	await expect(staff.getByText('۶۵', { exact: true })).toBeVisible();

	const link = staff.getByRole('link', { name: /\/f\/[0-9A-Za-z]{12}$/ });
	const address = (await link.getAttribute('href'))!;

	// A participant on a phone, not signed in.
	const phone = await (
		await browser.newContext({
			viewport: { width: 375, height: 667 },
			isMobile: true,
			hasTouch: true
		})
	).newPage();
	await phone.goto(address);
	await expect(
		phone.getByRole('heading', { level: 1, name: 'نظرسنجی جلسهٔ زنگ پیشگیری' })
	).toBeVisible();
	await expect(phone.locator('html')).toHaveAttribute('dir', 'rtl');
	expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await phone.waitForLoadState('networkidle');
	await phone
		.getByRole('group', { name: 'روی‌هم‌رفته جلسه را چطور دیدید؟' })
		.getByText('۵', { exact: true })
		.click();
	await phone.getByRole('group', { name: 'چیز سودمندی یاد گرفتید؟' }).getByText('بله').click();
	await phone.getByLabel('اگر نکته‌ای دارید بنویسید').fill('جلسهٔ خوبی بود؛ <b>ممنون</b> 🌱');
	await phone.getByRole('button', { name: 'فرستادن' }).click();
	await expect(phone.getByText('سپاس! پاسخ شما رسید.')).toBeVisible();
	// One answer per browser: the form does not come back.
	await phone.reload();
	await expect(phone.getByText('سپاس! پاسخ شما رسید.')).toBeVisible();
	await expect(phone.getByRole('button', { name: 'فرستادن' })).toHaveCount(0);

	const unknown = await phone.goto('/f/unknown-token');
	expect(unknown?.status()).toBe(404);
	await expect(
		phone.getByText('این نشانی به پرسش‌نامه‌ای نمی‌رسد.', { exact: false })
	).toBeVisible();

	// The staff see the answer, as text.
	await staff.reload();
	await expect(staff.getByRole('heading', { name: 'پاسخ‌ها: ۱' })).toBeVisible();
	await expect(staff.getByText('جلسهٔ خوبی بود؛ <b>ممنون</b> 🌱')).toBeVisible();

	// The printable sheet: one A4 page, right to left and left to right.
	expect(await printedPages(staff, `${sessionPath}/sheet`)).toBe(1);
	expect(await printedPages(staff, `/en${sessionPath}/sheet`)).toBe(1);
	await expect(staff.locator('html')).toHaveAttribute('dir', 'ltr');
});

// manager@ records the attendance of the demo's first campaign event (past, at دولاب) from the
// campaign's page: a mistyped box is named, then the event is held; its sheet prints to one page.
test("a campaign event's attendance, from the campaign's page, and its printed sheet", async ({
	page
}) => {
	test.setTimeout(60_000);
	await signIn(page, 'manager@demo.test');
	await page.goto('/campaigns/1');
	await page.locator('#event-1').getByRole('link', { name: 'ثبت حضور' }).click();
	await page.waitForURL((url) => url.pathname.endsWith('/attendance'));
	await page.waitForLoadState('networkidle');
	const eventPath = new URL(page.url()).pathname.replace(/\/attendance$/, '');

	const counts: [string, string][] = [
		['زنان (۱۸ سال و بیشتر)', '۱۵'],
		['مردان (۱۸ سال و بیشتر)', '۹'],
		['دختران ۱۲ تا ۱۷ سال', '۴'],
		['پسران ۱۲ تا ۱۷ سال', '-2'],
		['دختران زیر ۱۲ سال', '۳'],
		['پسران زیر ۱۲ سال', '۰']
	];
	for (const [label, value] of counts) await page.getByLabel(label).fill(value);
	await page.getByRole('button', { name: 'ثبت حضور' }).click();
	await expect(page.getByText('یک عدد صحیح از ۰ تا ۵٬۰۰۰ بنویسید.')).toBeVisible();
	await page.getByLabel('پسران ۱۲ تا ۱۷ سال').fill('۲');
	await page.getByRole('button', { name: 'ثبت حضور' }).click();
	await expect(page.getByText('آمار حضور ذخیره شد.')).toBeVisible();
	await expect(page.getByText('برگزارشده').first()).toBeVisible();
	// 15 + 9 + 4 + 2 + 3 + 0.
	await expect(page.getByText('۳۳', { exact: true })).toBeVisible();

	expect(await printedPages(page, `${eventPath}/sheet`)).toBe(1);
	expect(await printedPages(page, `/en${eventPath}/sheet`)).toBe(1);
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});
