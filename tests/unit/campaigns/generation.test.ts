import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/lib/i18n/format.ts';
import { parseJalaliDate, toJalali } from '../../../src/lib/i18n/jalali.ts';
import { newCampaignSchema } from '../../../src/lib/schemas/campaigns.ts';
import { createClosure } from '../../../src/lib/server/closures/service.ts';
import {
	generateCampaignDates,
	weekdayOf,
	type ClosureSpan
} from '../../../src/lib/server/campaigns/generation.ts';
import { planCampaign } from '../../../src/lib/server/campaigns/plan.ts';
import { campaignInput, closure, createCampaignWorld, type CampaignWorld } from './fixtures.ts';

// The dates of a campaign's rule: every chosen weekday from the first to the last date, through
// the Jalali calendar's edges (Nowruz, the Gregorian and Jalali new years, Esfand 29/30 in common
// and leap years), with closed days skipped and named.

const jalali = (date: string) => {
	const { year, month, day } = toJalali(date);
	return `${year}/${month}/${day}`;
};
const none: ClosureSpan[] = [];

function isoOf(text: string): string {
	const date = parseJalaliDate(text);
	if (!date.ok) throw new Error(`not a date: ${text}`);
	return date.date;
}

describe('a Mehr-to-Khordad series of Sundays', () => {
	let world: CampaignWorld;
	// Planned on 1 September 2026, before the school year 1405–1406 begins.
	const before = new Date('2026-09-01T08:00:00Z');
	beforeAll(async () => {
		world = await createCampaignWorld();
		// A lunar holiday, entered by hand as every year: 21 Ramadan 1448 falls on a Sunday.
		const lunar = await createClosure(world.db, world.adminActor, closure(world, '2027-02-28'));
		expect(lunar.ok).toBe(true);
	});
	afterAll(async () => world.db.destroy());

	const plan = async (values: Parameters<typeof campaignInput>[1] = {}) => {
		const input = campaignInput(world, {
			first_date: isoOf('1405/07/01'),
			last_date: isoOf('1406/03/31'),
			...values
		});
		const result = await planCampaign(world.db, world.manager, input, [], before);
		if (!result.ok) throw new Error(JSON.stringify(result));
		return result.plan;
	};

	it('runs from the first Sunday of Mehr to the last of Khordad, one week apart', async () => {
		const { dates, skipped } = await plan();
		expect(jalali('2026-09-23')).toBe('1405/7/1');
		expect(jalali('2027-06-21')).toBe('1406/3/31');
		expect(dates[0]).toBe('2026-09-27');
		expect(formatDate(dates[0]!, 'full', 'fa')).toBe('یکشنبه ۵ مهر ۱۴۰۵');
		expect(dates.at(-1)).toBe('2027-06-20');
		expect(formatDate(dates.at(-1)!, 'full', 'fa')).toBe('یکشنبه ۳۰ خرداد ۱۴۰۶');
		expect(dates.length + skipped.length).toBe(39);
		for (const date of [...dates, ...skipped.map((s) => s.date)]) expect(weekdayOf(date)).toBe(0);
	});

	it('skips Nowruz and the lunar holiday and says why, and nothing else', async () => {
		const { dates, skipped } = await plan();
		expect(skipped.map((s) => [s.date, jalali(s.date), s.closure.name_fa])).toEqual([
			['2027-02-28', '1405/12/9', 'شهادت حضرت علی (ع)'],
			['2027-03-21', '1406/1/1', 'نوروز']
		]);
		expect(skipped.map((s) => s.closure.name_en)).toEqual(['Martyrdom of Imam Ali', 'Nowruz']);
		expect(dates).toHaveLength(37);
		// Either side of Nowruz the series goes on from Esfand into Farvardin.
		const around = dates.filter((d) => d >= '2027-03-07' && d <= '2027-04-04').map(jalali);
		expect(around).toEqual(['1405/12/16', '1405/12/23', '1406/1/8', '1406/1/15']);
	});

	it('skips its own centre’s closed days, not a school’s or another centre’s', async () => {
		const own = await createClosure(
			world.db,
			world.adminActor,
			closure(world, '2026-11-29', {
				kind: 'center',
				center_id: world.dowlab.centerId,
				name_fa: 'تعمیر سالن',
				name_en: 'Hall repairs'
			})
		);
		const other = await createClosure(
			world.db,
			world.adminActor,
			closure(world, '2026-12-06', { kind: 'center', center_id: await world.centerOf('شاهین') })
		);
		const school = await createClosure(
			world.db,
			world.adminActor,
			closure(world, '2026-12-13', { kind: 'school', school_id: world.dowlab.schoolId })
		);
		expect([own.ok, other.ok, school.ok]).toEqual([true, true, true]);
		const { dates, skipped } = await plan();
		expect(skipped.map((s) => s.date)).toContain('2026-11-29');
		expect(skipped.find((s) => s.date === '2026-11-29')?.closure.name_fa).toBe('تعمیر سالن');
		expect(dates).toContain('2026-12-06');
		expect(dates).toContain('2026-12-13');
	});
});

describe('the calendar’s edges', () => {
	it('crosses the Gregorian new year', () => {
		const { dates } = generateCampaignDates(
			{ first_date: '2026-12-20', last_date: '2027-01-17', weekday: 0 },
			none
		);
		expect(dates).toEqual(['2026-12-20', '2026-12-27', '2027-01-03', '2027-01-10', '2027-01-17']);
		expect(dates.map(jalali)).toEqual([
			'1405/9/29',
			'1405/10/6',
			'1405/10/13',
			'1405/10/20',
			'1405/10/27'
		]);
	});

	it('starts on the first chosen weekday on or after the first date', () => {
		// 1405/07/01 is a Wednesday; the first Saturday (6) is 1405/07/04.
		const { dates } = generateCampaignDates(
			{ first_date: '2026-09-23', last_date: '2026-10-10', weekday: 6 },
			none
		);
		expect(dates.map(jalali)).toEqual(['1405/7/4', '1405/7/11', '1405/7/18']);
		const sameDay = generateCampaignDates(
			{ first_date: '2026-09-23', last_date: '2026-09-23', weekday: 3 },
			none
		);
		expect(sameDay.dates).toEqual(['2026-09-23']);
		const noDay = generateCampaignDates(
			{ first_date: '2026-09-23', last_date: '2026-09-26', weekday: 0 },
			none
		);
		expect(noDay.dates).toEqual([]);
	});

	it('keeps Esfand 30 of the leap year 1403, then goes on into 1404', () => {
		// 1403/12/30 is a Thursday (4).
		const { dates } = generateCampaignDates(
			{ first_date: isoOf('1403/12/16'), last_date: isoOf('1404/01/14'), weekday: 4 },
			none
		);
		expect(dates.map(jalali)).toEqual([
			'1403/12/16',
			'1403/12/23',
			'1403/12/30',
			'1404/1/7',
			'1404/1/14'
		]);
	});

	it('goes from Esfand 29 of the common year 1404 straight into 1405', () => {
		expect(parseJalaliDate('1404/12/30')).toEqual({ ok: false, error: 'date_nonexistent' });
		// 1404/12/29 is a Friday (5).
		const { dates, skipped } = generateCampaignDates(
			{ first_date: isoOf('1404/12/22'), last_date: isoOf('1405/01/14'), weekday: 5 },
			[
				{
					id: 1,
					kind: 'holiday',
					center_id: null,
					starts_on: '2026-03-20',
					ends_on: '2026-03-20',
					name_fa: 'ملی شدن صنعت نفت',
					name_en: 'Oil Nationalization Day'
				}
			]
		);
		expect(dates.map(jalali)).toEqual(['1404/12/22', '1405/1/7', '1405/1/14']);
		expect(skipped.map((s) => [jalali(s.date), s.closure.name_en])).toEqual([
			['1404/12/29', 'Oil Nationalization Day']
		]);
	});

	it('refuses a typed Esfand 30 in a common year', () => {
		const result = newCampaignSchema.safeParse({
			center_id: 1,
			title: 'پویش',
			topic_id: 1,
			audience: 'public',
			first_date: '۱۴۰۴/۱۲/۱۵',
			last_date: '۱۴۰۴/۱۲/۳۰',
			weekday: 0,
			start_time: '۱۶:۰۰',
			duration_minutes: '۹۰'
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['last_date']);
	});
});
