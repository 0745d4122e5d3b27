import { campaignEventStatusLabel } from '../../campaigns/display.ts';
import { bellSessionStatusLabel } from '../../i18n/names.ts';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { BellSessionRow } from '../bell-sessions/repository.ts';
import type { DatedCampaignEvent } from '../campaigns/dated-events.ts';

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

export function campaignEventEntry(row: DatedCampaignEvent, locale: Locale): CalendarEntry {
	return {
		key: `campaign_event:${row.id}`,
		date: row.date,
		startsAt: row.starts_at,
		title: row.title,
		place: row.center_name,
		status: row.needs_attention
			? m.campaigns_needs_attention({}, { locale })
			: campaignEventStatusLabel(row.status, locale),
		inactive: row.status === 'cancelled',
		href: `/campaigns/${row.campaign_id}#event-${row.id}`
	};
}
