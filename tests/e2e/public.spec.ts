import SQLite from 'better-sqlite3';
import jsQR from 'jsqr';
import ical, { type VEvent } from 'node-ical';
import { expect, test } from '@playwright/test';
import { formatDate } from '../../src/lib/i18n/format';
import { e2eDatabasePath } from './helpers';

// The public face of the Sunday campaigns, signed out: from the home page to دولاب's page, its
// coming events (a cancelled one said so, a moved one with its new time) and no school; its
// feed, read by a calendar library; its A4 poster, whose QR code leads back to the page; and
// answers that browsers and proxies may keep.

interface DemoEvent {
	id: number;
	date: string;
	status: string;
	rule_date: string | null;
	start_time: string;
	rule_start_time: string;
}

function dowlab() {
	const db = new SQLite(e2eDatabasePath, { readonly: true, fileMustExist: true });
	try {
		const place = db
			.prepare(
				`select neighborhoods.id, centers.id as center from neighborhoods
				 join centers on centers.neighborhood_id = neighborhoods.id where neighborhoods.name_fa = 'دولاب'`
			)
			.get() as { id: number; center: number };
		const events = db
			.prepare(
				`select campaign_events.id, campaign_events.date, campaign_events.status, rule_date,
				   campaign_events.start_time, campaigns.start_time as rule_start_time
				 from campaign_events join campaigns on campaigns.id = campaign_events.campaign_id
				 where campaigns.center_id = ? and campaign_events.ends_at > ?
				 order by campaign_events.starts_at, campaign_events.id limit 12`
			)
			.all(place.center, new Date().toISOString()) as DemoEvent[];
		const all = db
			.prepare(
				`select count(*) as n from campaign_events join campaigns on campaigns.id = campaign_id
				 where center_id = ?`
			)
			.get(place.center) as { n: number };
		const schools = (db.prepare('select name from schools').all() as { name: string }[]).map(
			(s) => s.name
		);
		return { ...place, events, eventCount: all.n, schools };
	} finally {
		db.close();
	}
}

test('دولاب’s public page lists its coming Sunday events, cancelled and moved ones said so, and no school', async ({
	page
}) => {
	const demo = dowlab();
	const cancelled = demo.events.filter((e) => e.status === 'cancelled');
	const moved = demo.events.filter(
		(e) => e.rule_date && (e.rule_date !== e.date || e.rule_start_time !== e.start_time)
	);
	expect(cancelled.length).toBeGreaterThan(0);
	expect(moved.length).toBeGreaterThan(0);

	await page.goto('/');
	await page.getByRole('link', { name: 'دولاب', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/n/${demo.id}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('محله دولاب');
	await expect(page.getByText('021-', { exact: false })).toBeVisible();

	const coming = page.getByRole('region', { name: 'برنامه‌های پیش رو' }).getByRole('listitem');
	await expect(coming).toHaveCount(demo.events.length);
	for (const [i, event] of demo.events.entries()) {
		const item = coming.nth(i);
		await expect(item).toContainText(formatDate(event.date, 'full', 'fa'));
		if (event.status === 'cancelled') await expect(item).toContainText('لغوشده');
		else await expect(item).not.toContainText('لغوشده');
		if (moved.includes(event)) {
			await expect(item).toContainText('جابه‌جا شده');
			await expect(item).toContainText(formatDate(event.rule_date!, 'full', 'fa'));
		}
	}
	const text = await page.locator('main').innerText();
	for (const school of demo.schools) expect(text).not.toContain(school);
	// Plain HTML, without a script.
	expect(await (await page.request.get(`/n/${demo.id}`)).text()).not.toContain('<script');

	await page.goto(`/en/n/${demo.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dulab neighbourhood');
	const first = page
		.getByRole('region', { name: 'Coming events' })
		.getByRole('listitem')
		.nth(demo.events.indexOf(cancelled[0]!));
	await expect(first).toContainText('Cancelled');
});

test('the centre’s feed is iCalendar a calendar library reads, with the cancelled event cancelled', async ({
	request
}) => {
	const demo = dowlab();
	for (const prefix of ['', '/en']) {
		const response = await request.get(`${prefix}/n/${demo.id}/centres/${demo.center}.ics`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
		const parsed = ical.sync.parseICS(await response.text());
		const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
		expect(events).toHaveLength(demo.eventCount);
		for (const event of demo.events) {
			const found = events.find((e) => e.uid === `campaign-event-${event.id}@prevention-bell`);
			if (event.status === 'cancelled') expect(found?.status).toBe('CANCELLED');
			else expect(['CONFIRMED', 'TENTATIVE']).toContain(found?.status);
		}
	}
});

test('the poster prints on one A4 page with a QR code of the page', async ({ page, baseURL }) => {
	const demo = dowlab();
	await page.goto(`/n/${demo.id}/poster`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('پویش‌های یکشنبه، محله دولاب');

	const qr = page.getByRole('img', { name: 'کد QR صفحهٔ محله دولاب' });
	// The code as the page draws it, read the way a phone's camera would read it.
	const pixels = await qr.evaluate((img: HTMLImageElement) => {
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = 400;
		const context = canvas.getContext('2d')!;
		context.drawImage(img, 0, 0, 400, 400);
		return Array.from(context.getImageData(0, 0, 400, 400).data);
	});
	const decoded = jsQR(new Uint8ClampedArray(pixels), 400, 400);
	expect(decoded?.data).toBe(`${baseURL}/n/${demo.id}`);
	const target = await page.request.get(decoded!.data);
	expect(target.status()).toBe(200);
	expect(await target.text()).toContain('محله دولاب');

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('banner')).toBeHidden();
	const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
		'latin1'
	);
	const pages = pdf.match(/\/Type\s*\/Page\b/g) ?? [];
	expect(pages).toHaveLength(1);
	// A4: 210 × 297 mm, 595 × 842 points.
	const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
	expect(Math.round(Number(box?.[1]))).toBe(595);
	expect(Math.round(Number(box?.[2]))).toBe(842);
});

test('public answers may be kept for a minute and come back 304 unchanged', async ({ request }) => {
	const demo = dowlab();
	for (const path of [
		`/n/${demo.id}`,
		`/en/n/${demo.id}/poster`,
		`/n/${demo.id}/centres/${demo.center}.ics`
	]) {
		const first = await request.get(path);
		const headers = first.headers();
		expect(headers['cache-control'], path).toBe('public, max-age=60');
		expect(headers.etag, path).toMatch(/^W\/"/);
		const again = await request.get(path, { headers: { 'if-none-match': headers.etag! } });
		expect(again.status(), path).toBe(304);
		expect(await again.body()).toHaveLength(0);
	}
});
