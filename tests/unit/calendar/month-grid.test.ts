import { describe, expect, it } from 'vitest';
import {
	buildMonthGrid,
	parseMonthParam,
	type GridDay
} from '../../../src/lib/server/calendar/month-grid.ts';

// 2026-11-26 is Thursday 5 Azar 1405.
const TODAY = '2026-11-26';

function days(weeks: (GridDay | null)[][]): GridDay[] {
	return weeks.flat().filter((day): day is GridDay => day !== null);
}

describe('the month grid', () => {
	it('has 30 days in Esfand of the leap year 1403 and 29 in Esfand 1404', () => {
		const leap = buildMonthGrid({ year: 1403, month: 12 }, 'fa', TODAY);
		expect(days(leap.weeks)).toHaveLength(30);
		expect(leap.last).toBe('2025-03-20');
		const common = buildMonthGrid({ year: 1404, month: 12 }, 'fa', TODAY);
		expect(days(common.weeks)).toHaveLength(29);
		expect(common.last).toBe('2026-03-20');
	});

	it('puts 1 Farvardin 1405, a Saturday, in the first column with no blanks before it', () => {
		const grid = buildMonthGrid({ year: 1405, month: 1 }, 'fa', TODAY);
		expect(grid.weeks[0]![0]).toMatchObject({ date: '2026-03-21', day: 1 });
		expect(grid.first).toBe('2026-03-21');
		expect(grid.weeks[0]!.every((day) => day !== null)).toBe(true);
	});

	it('starts Azar 1405 (a Sunday) in the second column and marks today', () => {
		const grid = buildMonthGrid({ year: 1405, month: 9 }, 'fa', TODAY);
		expect(grid.weeks[0]![0]).toBeNull();
		expect(grid.weeks[0]![1]).toMatchObject({ date: '2026-11-22', day: 1 });
		expect(days(grid.weeks).filter((day) => day.today)).toEqual([
			{ date: TODAY, day: 5, today: true, friday: false }
		]);
		expect(grid.isCurrent).toBe(true);
	});

	it('ends Esfand 1404 with a Friday column and pads every week to seven days', () => {
		const grid = buildMonthGrid({ year: 1404, month: 12 }, 'fa', TODAY);
		for (const week of grid.weeks) expect(week).toHaveLength(7);
		// 1 Esfand 1404 is a Friday: six blanks, then the Friday column.
		expect(grid.weeks[0]!.slice(0, 6)).toEqual([null, null, null, null, null, null]);
		expect(grid.weeks[0]![6]).toMatchObject({ date: '2026-02-20', day: 1, friday: true });
		for (const week of grid.weeks) {
			week.forEach((day, column) => day && expect(day.friday).toBe(column === 6));
		}
	});

	it('shows the Gregorian month in English, still from Saturday to Friday', () => {
		const grid = buildMonthGrid({ year: 2026, month: 12 }, 'en', TODAY);
		expect(grid.first).toBe('2026-12-01');
		expect(grid.last).toBe('2026-12-31');
		expect(days(grid.weeks)).toHaveLength(31);
		// 1 December 2026 is a Tuesday: Saturday, Sunday, Monday come first.
		expect(grid.weeks[0]!.slice(0, 3)).toEqual([null, null, null]);
		expect(grid.weeks[0]![3]).toMatchObject({ date: '2026-12-01', day: 1 });
		expect(grid.weeks[0]![6]).toMatchObject({ date: '2026-12-04', friday: true });
		expect(grid.isCurrent).toBe(false);
	});

	it('links to the months before and after, across the turn of the year', () => {
		const esfand = buildMonthGrid({ year: 1404, month: 12 }, 'fa', TODAY);
		expect(esfand).toMatchObject({ previous: '1404-11', next: '1405-01', current: '1405-09' });
		const january = buildMonthGrid({ year: 2027, month: 1 }, 'en', TODAY);
		expect(january).toMatchObject({ previous: '2026-12', next: '2027-02', current: '2026-11' });
	});
});

describe('?month=', () => {
	it('reads a Jalali month in Persian and a Gregorian month in English', () => {
		expect(parseMonthParam('1405-09', 'fa', TODAY)).toEqual({ year: 1405, month: 9 });
		expect(parseMonthParam('۱۴۰۵-۱۲', 'fa', TODAY)).toEqual({ year: 1405, month: 12 });
		expect(parseMonthParam('2026-12', 'en', TODAY)).toEqual({ year: 2026, month: 12 });
	});

	it('falls back to the month of today in Tehran for anything else', () => {
		const azar = { year: 1405, month: 9 };
		for (const bad of [null, '', 'abc', '1405-13', '1405-00', '1405-9', '1405-09-01', '2026-12'])
			expect(parseMonthParam(bad, 'fa', TODAY)).toEqual(azar);
		const november = { year: 2026, month: 11 };
		for (const bad of ['1405-09', '2026-1', '9999-01', "2026-12' OR 1=1", '0000-00'])
			expect(parseMonthParam(bad, 'en', TODAY)).toEqual(november);
	});
});
