import { expect, test, type Page } from '@playwright/test';
import { parseDate } from '@internationalized/date';
import ical, { type VEvent } from 'node-ical';
import { parseJalaliDate, toJalali } from '../../src/lib/i18n/jalali';
import { signIn } from './helpers';

// A Sunday campaign in Persian, on the shared demo database: manager@ plans a series at خاوران's
// centre, sees every date in the preview, drops one, saves, moves one event to the next day at
// 18:00, and finds the move on the calendar and in the calendar feed. The series lies some ten
// weeks ahead, clear of the demo's own changes.

const jalali = (isoDate: string) => {
	const { year, month, day } = toJalali(isoDate);
	return { text: `${year}/${month}/${day}`, month: `${year}-${String(month).padStart(2, '0')}` };
};

const today = parseDate(new Date().toISOString().slice(0, 10));

/** Moves the event to the first open day after it; answers that day. */
async function moveEvent(page: Page, eventId: string, date: string): Promise<string> {
	const event = page.locator(`#${eventId}`);
	for (let days = 1; days <= 5; days++) {
		const next = parseDate(date).add({ days }).toString();
		if (!(await event.locator('form[action="?/move"]').isVisible()))
			await event.locator('summary', { hasText: 'جابه‌جا کردن این برنامه' }).click();
		const form = event.locator('form[action="?/move"]');
		await form.getByLabel('تاریخ', { exact: true }).fill(jalali(next).text);
		await form.getByLabel('ساعت شروع').fill('۱۸:۰۰');
		await form.getByLabel('دلیل').fill('هم‌زمانی با جشن محله');
		await form.getByRole('button', { name: 'جابه‌جا کردن این برنامه' }).click();
		const done = page.getByText('انجام شد.');
		const refused = form.locator('.error');
		await expect(done.or(refused.first())).toBeVisible();
		if (await done.isVisible()) return next;
	}
	throw new Error('No open day found for the move.');
}

test('a campaign is planned with its preview, one date dropped, one event moved', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signIn(page, 'manager@demo.test');
	await page.goto('/campaigns/new');
	// Choices made before the page is hydrated would be reset by it.
	await page.waitForLoadState('networkidle');
	const title = `پویش آزمون ${Date.now()}`;
	await page.getByLabel('سرای محله').selectOption({ label: 'سرای محله خاوران' });
	await page.getByLabel('عنوان پویش').fill(title);
	await page.getByLabel('موضوع').selectOption({ index: 1 });
	await page.getByLabel('مخاطبان').selectOption({ label: 'خانواده‌ها' });
	await page.getByLabel('تاریخ شروع').fill(jalali(today.add({ days: 70 }).toString()).text);
	await page.getByLabel('تاریخ پایان').fill(jalali(today.add({ days: 111 }).toString()).text);
	await expect(page.getByLabel('روز هفته')).toHaveValue('0');
	await page.getByLabel('ساعت شروع').fill('۱۶:۰۰');
	await page.getByLabel('مدت (دقیقه)').fill('۹۰');
	await page.getByRole('button', { name: 'دیدن تاریخ‌ها' }).click();

	// Every Sunday in the Jalali calendar, each with a tick box.
	const preview = page.getByRole('region', { name: 'تاریخ‌های پویش' });
	await expect(preview).toBeVisible();
	const dates = preview.getByRole('checkbox');
	const count = await dates.count();
	expect(count).toBeGreaterThanOrEqual(4);
	await expect(preview.getByRole('checkbox', { name: /^یکشنبه / }).first()).toBeVisible();
	const dropped = (await dates.nth(1).locator('..').innerText()).trim();
	await dates.nth(1).uncheck();
	await page.getByRole('button', { name: 'ذخیرهٔ پویش' }).click();

	await expect(page.getByText('پویش ساخته شد.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const events = page.locator('li[id^="event-"]');
	await expect(events).toHaveCount(count - 1);
	await expect(page.locator('ol.events')).not.toContainText(dropped);
	const campaignPath = new URL(page.url()).pathname;

	const first = events.first();
	const eventId = (await first.getAttribute('id'))!;
	await expect(first.getByRole('heading')).toContainText('۱۶:۰۰');
	// The event's move form holds its date as the date fields take it, e.g. «۱۴۰۵/۱۰/۲۱».
	const shown = await first.locator('input[name="date"]').inputValue();
	const date = parseJalaliDate(shown);
	if (!date.ok) throw new Error(`not a date: ${shown}`);

	// A second tab opened before the move still shows the event as it was.
	const before = await page.context().newPage();
	await before.goto(campaignPath);
	await before.waitForLoadState('networkidle');

	const movedTo = await moveEvent(page, eventId, date.date);
	const moved = page.locator(`#${eventId}`);
	await expect(moved.getByText(/^جابه‌جاشده از /)).toBeVisible();
	await expect(moved.getByRole('heading')).toContainText('۱۸:۰۰');

	// Cancelling from that tab is refused as stale, with the message, and the event stays.
	const stale = before.locator(`#${eventId}`);
	await stale.locator('summary', { hasText: 'لغو این برنامه' }).click();
	await stale.locator('form[action="?/cancel"]').getByLabel('دلیل').fill('باران');
	await stale.getByRole('button', { name: 'لغو این برنامه' }).click();
	await expect(
		stale.getByText('کس دیگری در این میان این را تغییر داده است.', { exact: false })
	).toBeVisible();
	await before.close();
	await page.reload();
	await expect(page.locator(`#${eventId}`).getByText(/^جابه‌جاشده از /)).toBeVisible();
	await expect(page.locator(`#${eventId}`).getByText('لغوشده')).toHaveCount(0);

	// The calendar of the move's month links to the event at its new time.
	await page.goto(`/calendar?month=${jalali(movedTo).month}`);
	const entry = page.locator(`a[href="${campaignPath}#${eventId}"]`).first();
	await expect(entry).toBeAttached();
	await expect(entry).toContainText('۱۸:۰۰');
	await expect(entry).toContainText(title);

	// The calendar feed has it at 18:00 Tehran time, one change later.
	await page.goto('/profile');
	await page.getByRole('button', { name: /ساختن نشانی/ }).click();
	const address = await page.getByLabel('نشانی تقویم').inputValue();
	const feed = await page.request.get(address);
	expect(feed.status()).toBe(200);
	const uid = `campaign-event-${eventId.replace('event-', '')}@prevention-bell`;
	const event = Object.values(ical.sync.parseICS(await feed.text())).find(
		(item): item is VEvent => item?.type === 'VEVENT' && item.uid === uid
	);
	expect(event).toBeDefined();
	expect(event!.start.toISOString()).toBe(`${movedTo}T14:30:00.000Z`);
	expect(Number(event!.sequence)).toBe(1);
});
