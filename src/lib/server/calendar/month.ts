import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import type { ClosureKind } from '../db/schema.ts';
import type { Locale } from '../../paraglide/runtime.js';
import { isWideScope, withinDistrict } from '../auth/scope.ts';
import { findFirstBellSessionsOfDays } from '../bell-sessions/repository.ts';
import { listDistrictsByIds } from '../directory/districts.ts';
import { findFirstCampaignEventsOfDays } from '../campaigns/dated-events.ts';
import type { ClosureRow } from '../closures/repository.ts';
import { findCalendarClosures } from './closures.ts';
import { bellSessionEntry, campaignEventEntry, type CalendarEntry } from './entries.ts';
import { buildMonthGrid, parseMonthParam, type GridDay, type MonthGrid } from './month-grid.ts';

// One month of a user's calendar: the grid of days, each with its closures and entries. A day
// shows at most a few sessions and a few events, and says how many more it has: a liaison over
// many districts may have thousands a day.

export const SESSIONS_PER_DAY = 6;
export const EVENTS_PER_DAY = 6;

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
	/** Sessions and events of the day not among `entries`. */
	more: number;
}

export interface CalendarMonth extends Omit<MonthGrid, 'weeks'> {
	weeks: (CalendarDay | null)[][];
}

/**
 * A wide scope's calendar (isWideScope: a country's) shows one district at a time: thousands of
 * sessions a day are no calendar, and reading them all takes seconds. Null for everyone else.
 */
export interface DistrictChoice {
	chosen: number | null;
	districts: { id: number; name_fa: string; name_en: string }[];
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
	locale: Locale,
	dayTotals: Map<string, number>
): CalendarMonth {
	const byTime = [...entries].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
	const fill = (day: GridDay | null): CalendarDay | null =>
		day && {
			...day,
			closures: closuresOn(day.date, closures, locale),
			entries: byTime.filter((entry) => entry.date === day.date),
			more: 0
		};
	const withMore = (day: CalendarDay | null): CalendarDay | null =>
		day && { ...day, more: (dayTotals.get(day.date) ?? 0) - day.entries.length };
	return { ...grid, weeks: grid.weeks.map((week) => week.map((day) => withMore(fill(day)))) };
}

/**
 * The calendar page: the month `?month=` asks for (or today's) in `user`'s scope; over a wide scope
 * the month of the district `?district=` chooses, and no sessions or events until one is chosen.
 */
export async function loadCalendarPage(
	db: DB,
	user: ScopedUser,
	locale: Locale,
	params: { month: string | null; district: string | null },
	today: string
): Promise<{ month: CalendarMonth; districtChoice: DistrictChoice | null }> {
	const wide = isWideScope(user);
	const chosen = Number(params.district);
	const shown = wide ? (withinDistrict(user, chosen) ?? null) : user;
	const month = await loadCalendarMonth(db, shown, locale, params.month, today);
	if (!wide) return { month, districtChoice: null };
	const districts = await listDistrictsByIds(db, user.scope.districtIds);
	return { month, districtChoice: { chosen: shown ? chosen : null, districts } };
}

/**
 * The month `?month=` asks for (or today's), with the sessions, campaign events and closures in
 * `user`'s scope; the bare month for no one (a wide scope before a district is chosen).
 */
export async function loadCalendarMonth(
	db: DB,
	user: ScopedUser | null,
	locale: Locale,
	monthParam: string | null,
	today: string
): Promise<CalendarMonth> {
	const grid = buildMonthGrid(parseMonthParam(monthParam, locale, today), locale, today);
	if (!user) return fillMonthGrid(grid, [], [], locale, new Map());
	const [sessions, events, closures] = await Promise.all([
		findFirstBellSessionsOfDays(db, user, grid.first, grid.last, SESSIONS_PER_DAY),
		findFirstCampaignEventsOfDays(db, user, grid.first, grid.last, EVENTS_PER_DAY),
		findCalendarClosures(db, user, grid.first, grid.last)
	]);
	const entries = [
		...sessions.map((session) => bellSessionEntry(session, locale)),
		...events.map((event) => campaignEventEntry(event, locale))
	];
	// Each day's total: the day total of its first session plus that of its first event.
	const dayTotals = new Map<string, number>();
	for (const rows of [sessions, events])
		for (const date of new Set(rows.map((row) => row.date)))
			dayTotals.set(
				date,
				(dayTotals.get(date) ?? 0) + rows.find((row) => row.date === date)!.day_total
			);
	return fillMonthGrid(grid, entries, closures, locale, dayTotals);
}
