import { describe, expect, it } from 'vitest';
import { jalaliMonthLabel, jalaliMonthName } from '../../../src/lib/coverage/month-label.ts';
import { monthsOfSpan } from '../../../src/lib/server/coverage/trend.ts';

// The trend's months are Jalali months, cut at their first days in the Gregorian calendar.

describe('the months of a school year', () => {
	it('runs from Mehr to Shahrivar across Nowruz and a leap Esfand', () => {
		// ۱۴۰۳–۱۴۰۴: Esfand 1403 has 30 days.
		const months = monthsOfSpan('2024-09-22', '2025-09-22');
		expect(months.map((m) => `${m.year}-${m.month}`)).toEqual([
			'1403-7',
			'1403-8',
			'1403-9',
			'1403-10',
			'1403-11',
			'1403-12',
			'1404-1',
			'1404-2',
			'1404-3',
			'1404-4',
			'1404-5',
			'1404-6'
		]);
		expect(months[5]!.firstDay).toBe('2025-02-19');
		expect(months[6]!.firstDay).toBe('2025-03-21');
	});

	it('starts the first month on the first day of a year that starts mid-month', () => {
		expect(monthsOfSpan('2026-10-01', '2026-11-30')).toEqual([
			{ year: 1405, month: 7, firstDay: '2026-10-01' },
			{ year: 1405, month: 8, firstDay: '2026-10-23' },
			{ year: 1405, month: 9, firstDay: '2026-11-22' }
		]);
	});

	it('names a month in Persian with Persian digits, and in English by its Jalali name', () => {
		expect(jalaliMonthLabel('2026-10-23', 'fa')).toBe('آبان ۱۴۰۵');
		expect(jalaliMonthLabel('2026-10-23', 'en')).toBe('Aban 1405');
		expect(jalaliMonthName('2027-03-21', 'fa')).toBe('فروردین');
	});
});
