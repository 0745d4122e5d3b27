import { getDayOfWeek, parseDate } from '@internationalized/date';
import type { Locale } from '../../paraglide/runtime.js';
import type { DB } from '../db/connect.ts';
import { buildMonthGrid, parseMonthParam } from '../calendar/month-grid.ts';
import { findEventsBetween } from './repository.ts';
import { publicEventView, type PublicEventView } from './service.ts';

// A month of a neighbourhood's Sunday campaigns for its poster: every Sunday of the month (Jalali
// in Persian, Gregorian in English, as the calendar page) with its events, and any event moved to
// another day on that day; a Sunday without an event says so.

export interface PosterDay {
	date: string;
	events: PublicEventView[];
}

export interface PosterMonth {
	/** The month's first and last day, 'YYYY-MM-DD'. */
	first: string;
	last: string;
	/** `?month=` of the months before and after. */
	previous: string;
	next: string;
	days: PosterDay[];
}

const isSunday = (date: string) => getDayOfWeek(parseDate(date), 'en-US', 'sun') === 0;

export async function loadPosterMonth(
	db: DB,
	centerIds: number[],
	asked: string | null,
	locale: Locale,
	today: string
): Promise<PosterMonth> {
	const grid = buildMonthGrid(parseMonthParam(asked, locale, today), locale, today);
	const events = (await findEventsBetween(db, centerIds, grid.first, grid.last)).map(
		publicEventView
	);
	const dates = new Set(events.map((e) => e.date));
	for (const day of grid.weeks.flat()) if (day && isSunday(day.date)) dates.add(day.date);
	return {
		first: grid.first,
		last: grid.last,
		previous: grid.previous,
		next: grid.next,
		days: [...dates].sort().map((date) => ({
			date,
			events: events.filter((e) => e.date === date)
		}))
	};
}
