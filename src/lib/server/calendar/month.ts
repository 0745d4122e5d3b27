import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import type { ClosureKind } from '../db/schema.ts';
import type { Locale } from '../../paraglide/runtime.js';
import { findBellSessionsBetween } from '../bell-sessions/repository.ts';
import { findCampaignEventsBetween } from '../campaigns/dated-events.ts';
import type { ClosureRow } from '../closures/repository.ts';
import { findCalendarClosures } from './closures.ts';
import { bellSessionEntry, campaignEventEntry, type CalendarEntry } from './entries.ts';
import { buildMonthGrid, parseMonthParam, type GridDay, type MonthGrid } from './month-grid.ts';

// One month of a user's calendar: the grid of days, each with its closures and entries.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

export interface CalendarClosure {
	id: number;
	name: string;
	kind: ClosureKind;
}

export interface CalendarDay extends GridDay {
	closures: CalendarClosure[];
	/** In time order. */
	entries: CalendarEntry[];
}

export interface CalendarMonth extends Omit<MonthGrid, 'weeks'> {
	weeks: (CalendarDay | null)[][];
}

function closuresOn(date: string, closures: ClosureRow[], locale: Locale): CalendarClosure[] {
	const names = new Set<string>();
	const found: CalendarClosure[] = [];
	for (const closure of closures) {
		if (closure.starts_on > date || closure.ends_on < date) continue;
		// An English name is optional.
		const name = locale === 'en' && closure.name_en ? closure.name_en : closure.name_fa;
		// Each district has its own copy of the official holidays: name each once.
		if (names.has(name)) continue;
		names.add(name);
		found.push({ id: closure.id, name, kind: closure.kind });
	}
	return found;
}

/** Puts entries and closures on the days of a month grid. */
export function fillMonthGrid(
	grid: MonthGrid,
	entries: CalendarEntry[],
	closures: ClosureRow[],
	locale: Locale
): CalendarMonth {
	const byTime = [...entries].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
	const fill = (day: GridDay | null): CalendarDay | null =>
		day && {
			...day,
			closures: closuresOn(day.date, closures, locale),
			entries: byTime.filter((entry) => entry.date === day.date)
		};
	return { ...grid, weeks: grid.weeks.map((week) => week.map(fill)) };
}

/**
 * The month `?month=` asks for (or today's), with the sessions, campaign events and closures in
 * `user`'s scope.
 */
export async function loadCalendarMonth(
	db: DB,
	user: ScopedUser,
	locale: Locale,
	monthParam: string | null,
	today: string
): Promise<CalendarMonth> {
	const grid = buildMonthGrid(parseMonthParam(monthParam, locale, today), locale, today);
	const [sessions, events, closures] = await Promise.all([
		findBellSessionsBetween(db, user, grid.first, grid.last),
		findCampaignEventsBetween(db, user, grid.first, grid.last),
		findCalendarClosures(db, user, grid.first, grid.last)
	]);
	const entries = [
		...sessions.map((session) => bellSessionEntry(session, locale)),
		...events.map((event) => campaignEventEntry(event, locale))
	];
	return fillMonthGrid(grid, entries, closures, locale);
}
