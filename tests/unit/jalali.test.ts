import { describe, expect, it } from 'vitest';
import { toLatinDigits, toPersianDigits } from '../../src/lib/i18n/digits.ts';
import {
	daysInJalaliMonth,
	fromJalali,
	parseJalaliDate,
	schoolYearOf,
	toJalali,
	todayInTehran
} from '../../src/lib/i18n/jalali.ts';

describe('Jalali calendar', () => {
	it('puts Nowruz on the March equinox day', () => {
		expect(fromJalali({ year: 1404, month: 1, day: 1 })).toBe('2025-03-21');
		expect(fromJalali({ year: 1405, month: 1, day: 1 })).toBe('2026-03-21');
		expect(toJalali('2026-03-21')).toEqual({ year: 1405, month: 1, day: 1 });
		expect(toJalali('2026-03-20')).toEqual({ year: 1404, month: 12, day: 29 });
	});

	it('knows Esfand has 30 days in leap years (1399, 1403, 1408) and 29 otherwise', () => {
		expect(daysInJalaliMonth(1399, 12)).toBe(30);
		expect(daysInJalaliMonth(1403, 12)).toBe(30);
		expect(daysInJalaliMonth(1408, 12)).toBe(30);
		expect(daysInJalaliMonth(1402, 12)).toBe(29);
		expect(daysInJalaliMonth(1404, 12)).toBe(29);
		expect(fromJalali({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20');
		expect(fromJalali({ year: 1404, month: 12, day: 30 })).toBeNull();
	});

	it('gives the first six months 31 days and Mehr to Bahman 30', () => {
		expect(daysInJalaliMonth(1405, 6)).toBe(31);
		expect(daysInJalaliMonth(1405, 7)).toBe(30);
		expect(fromJalali({ year: 1405, month: 7, day: 31 })).toBeNull();
	});

	it('finds the school year of a date: 1 Mehr to 31 Shahrivar', () => {
		expect(schoolYearOf('2026-11-26')).toEqual({
			startYear: 1405,
			startsOn: '2026-09-23',
			endsOn: '2027-09-22'
		});
		expect(schoolYearOf('2026-09-22').startYear).toBe(1404);
		expect(schoolYearOf('2026-09-23').startYear).toBe(1405);
	});

	it("reads today's date in Tehran, not in UTC", () => {
		// 22:00 UTC on 25 November is 01:30 on 26 November in Tehran (UTC+03:30).
		expect(todayInTehran(new Date('2026-11-25T22:00:00Z'))).toBe('2026-11-26');
		expect(todayInTehran(new Date('2026-11-25T20:00:00Z'))).toBe('2026-11-25');
	});
});

describe('parseJalaliDate', () => {
	it('accepts Persian, Arabic-Indic and Latin digits and several separators', () => {
		for (const input of ['۱۴۰۵/۰۹/۰۵', '1405/9/5', '١٤٠٥-٠٩-٠٥', ' 1405.09.05 ', '۱۴۰۵/9/۵']) {
			expect(parseJalaliDate(input)).toEqual({ ok: true, date: '2026-11-26' });
		}
	});

	it('accepts Esfand 30 of a leap year and refuses it in a common year', () => {
		expect(parseJalaliDate('۱۴۰۳/۱۲/۳۰')).toEqual({ ok: true, date: '2025-03-20' });
		expect(parseJalaliDate('۱۴۰۴/۱۲/۳۰')).toEqual({ ok: false, error: 'date_nonexistent' });
	});

	it('refuses dates that do not exist or are not dates', () => {
		expect(parseJalaliDate('1405/13/01')).toEqual({ ok: false, error: 'date_nonexistent' });
		expect(parseJalaliDate('1405/07/31')).toEqual({ ok: false, error: 'date_nonexistent' });
		expect(parseJalaliDate('1405/00/10')).toEqual({ ok: false, error: 'date_nonexistent' });
		for (const input of ['', 'tomorrow', '1405/9', '05/09/1405', '1405/09/05/1']) {
			expect(parseJalaliDate(input)).toEqual({ ok: false, error: 'date_format' });
		}
	});
});

describe('digits', () => {
	it('converts between Persian, Arabic-Indic and Latin digits', () => {
		expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩')).toBe('0123456789 0123456789');
		expect(toPersianDigits('1405–1406')).toBe('۱۴۰۵–۱۴۰۶');
	});
});
