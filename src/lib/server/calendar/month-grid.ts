import {
	CalendarDate,
	GregorianCalendar,
	PersianCalendar,
	endOfMonth,
	getDayOfWeek,
	parseDate,
	startOfMonth,
	toCalendar,
	type Calendar
} from '@internationalized/date';
import type { Locale } from '../../paraglide/runtime.js';
import { toLatinDigits } from '../../i18n/digits.ts';

// The month the calendar page shows: a Jalali month in Persian, a Gregorian one in English, and
// in both languages weeks from Saturday to Friday, the Iranian week the programme runs on.

/** A month of the page's calendar (Jalali in Persian, Gregorian in English). */
export interface MonthRef {
	year: number;
	month: number;
}

export interface GridDay {
	/** 'YYYY-MM-DD' (Gregorian), as dates are stored. */
	date: string;
	/** The day of the month in the page's calendar. */
	day: number;
	today: boolean;
	friday: boolean;
}

export interface MonthGrid {
	/** First and last day of the month, 'YYYY-MM-DD'. */
	first: string;
	last: string;
	/** Rows of seven days, Saturday first; null pads the cells before the 1st and after the end. */
	weeks: (GridDay | null)[][];
	/** `?month=` values of the month before, the month after and today's month. */
	previous: string;
	next: string;
	current: string;
	isCurrent: boolean;
}

const gregorian = new GregorianCalendar();
const calendars: Record<Locale, Calendar> = { fa: new PersianCalendar(), en: gregorian };

// Roughly the same two centuries in either calendar. A year outside them is no month of the
// programme, so it is read as nonsense rather than queried.
const yearRange: Record<Locale, [number, number]> = { fa: [1300, 1499], en: [1921, 2120] };

/** Iranian week: Saturday is column 0, Friday column 6. */
function column(date: CalendarDate): number {
	return getDayOfWeek(date, 'fa-IR', 'sat');
}

function toIso(date: CalendarDate): string {
	return toCalendar(date, gregorian).toString();
}

function firstOfMonth(ref: MonthRef, locale: Locale): CalendarDate {
	return new CalendarDate(calendars[locale], ref.year, ref.month, 1);
}

export function monthParam(ref: MonthRef): string {
	return `${String(ref.year).padStart(4, '0')}-${String(ref.month).padStart(2, '0')}`;
}

/** The month containing a 'YYYY-MM-DD' date. */
export function monthOf(isoDate: string, locale: Locale): MonthRef {
	const { year, month } = startOfMonth(toCalendar(parseDate(isoDate), calendars[locale]));
	return { year, month };
}

/** `?month=YYYY-MM` in the page's calendar; anything else means the month of `today`. */
export function parseMonthParam(value: string | null, locale: Locale, today: string): MonthRef {
	const match = /^(\d{4})-(\d{2})$/.exec(toLatinDigits(value ?? '').trim());
	if (match) {
		const [year, month] = [Number(match[1]), Number(match[2])];
		const [minYear, maxYear] = yearRange[locale];
		if (month >= 1 && month <= 12 && year >= minYear && year <= maxYear) return { year, month };
	}
	return monthOf(today, locale);
}

function shifted(ref: MonthRef, locale: Locale, months: number): string {
	const { year, month } = firstOfMonth(ref, locale).add({ months });
	return monthParam({ year, month });
}

export function buildMonthGrid(ref: MonthRef, locale: Locale, today: string): MonthGrid {
	const first = firstOfMonth(ref, locale);
	const last = endOfMonth(first);
	const cells: (GridDay | null)[] = Array.from({ length: column(first) }, () => null);
	for (let day = first; day.compare(last) <= 0; day = day.add({ days: 1 })) {
		const date = toIso(day);
		cells.push({ date, day: day.day, today: date === today, friday: column(day) === 6 });
	}
	while (cells.length % 7) cells.push(null);
	const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
	const current = monthParam(monthOf(today, locale));
	return {
		first: toIso(first),
		last: toIso(last),
		weeks,
		previous: shifted(ref, locale, -1),
		next: shifted(ref, locale, 1),
		current,
		isCurrent: monthParam(ref) === current
	};
}
