import {
	CalendarDate,
	GregorianCalendar,
	PersianCalendar,
	fromDate,
	parseDate,
	toCalendar,
	toCalendarDate
} from '@internationalized/date';
import { toLatinDigits } from './digits.ts';

// Calendar arithmetic through @internationalized/date; dates travel as 'YYYY-MM-DD' (Gregorian).

export const TIME_ZONE = 'Asia/Tehran';
const persian = new PersianCalendar();
const gregorian = new GregorianCalendar();

export interface JalaliDate {
	year: number;
	month: number;
	day: number;
}

export function toJalali(isoDate: string): JalaliDate {
	const { year, month, day } = toCalendar(parseDate(isoDate), persian);
	return { year, month, day };
}

export function daysInJalaliMonth(year: number, month: number): number {
	return persian.getDaysInMonth(new CalendarDate(persian, year, month, 1));
}

/** The ISO date of a Jalali date, or null when no such day exists (e.g. Esfand 30 of a common year). */
export function fromJalali({ year, month, day }: JalaliDate): string | null {
	if (!Number.isInteger(year) || year < 1 || year > 9377) return null;
	if (!Number.isInteger(month) || month < 1 || month > 12) return null;
	if (!Number.isInteger(day) || day < 1 || day > daysInJalaliMonth(year, month)) return null;
	return toCalendar(new CalendarDate(persian, year, month, day), gregorian).toString();
}

export type DateParseResult =
	{ ok: true; date: string } | { ok: false; error: 'date_format' | 'date_nonexistent' };

/** Reads a Jalali date typed as year/month/day with Persian, Arabic or Latin digits. */
export function parseJalaliDate(input: string): DateParseResult {
	const match = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/.exec(
		toLatinDigits(input)
	);
	if (!match) return { ok: false, error: 'date_format' };
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	const date = fromJalali({ year, month, day });
	return date ? { ok: true, date } : { ok: false, error: 'date_nonexistent' };
}

/** Today's date in the district (Asia/Tehran), as 'YYYY-MM-DD'. */
export function todayInTehran(at: Date = new Date()): string {
	return toCalendarDate(fromDate(at, TIME_ZONE)).toString();
}

export interface SchoolYearSpan {
	startYear: number;
	startsOn: string;
	endsOn: string;
}

/** The school year that starts on 1 Mehr of `startYear` and ends on 31 Shahrivar after it. */
export function schoolYearStarting(startYear: number): SchoolYearSpan {
	return {
		startYear,
		startsOn: fromJalali({ year: startYear, month: 7, day: 1 })!,
		endsOn: fromJalali({ year: startYear + 1, month: 6, day: 31 })!
	};
}

/** The school year containing a date. */
export function schoolYearOf(isoDate: string): SchoolYearSpan {
	const { year, month } = toJalali(isoDate);
	return schoolYearStarting(month >= 7 ? year : year - 1);
}
