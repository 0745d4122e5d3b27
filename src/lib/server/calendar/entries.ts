import { bellSessionStatusLabel } from '../../i18n/names.ts';
import type { Locale } from '../../paraglide/runtime.js';
import type { BellSessionRow } from '../bell-sessions/repository.ts';

// What the calendar shows of anything dated: the page renders only this shape, so other kinds
// of event (Sunday campaign events) join the calendar by mapping their rows to it.

export interface CalendarEntry {
	/** Unique across kinds of entry. */
	key: string;
	/** Local date 'YYYY-MM-DD'. */
	date: string;
	/** Start as a UTC instant; shown in Tehran time. */
	startsAt: string;
	title: string;
	/** Where it happens: a school's or centre's name, recorded in Persian. */
	place: string;
	/** The state in words, shown as a badge. */
	status: string;
	/** Called off or refused: shown struck through. */
	inactive: boolean;
	/** Path of its own page, not yet localized. */
	href: string;
}

export function bellSessionEntry(row: BellSessionRow, locale: Locale): CalendarEntry {
	return {
		key: `bell_session:${row.id}`,
		date: row.date,
		startsAt: row.starts_at,
		title: locale === 'fa' ? row.topic_fa : row.topic_en,
		place: row.school_name,
		status: bellSessionStatusLabel(row.status, locale),
		inactive: row.status === 'cancelled' || row.status === 'declined',
		href: `/sessions/${row.id}`
	};
}
