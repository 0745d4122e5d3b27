import { TZDate } from '@date-fns/tz';
import { parseDate } from '@internationalized/date';
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { sessionAudience } from '../../bell-sessions/display.ts';
import { campaignAudienceLabel, campaignEventStatusLabel } from '../../campaigns/display.ts';
import { bellSessionStatusLabel } from '../../i18n/names.ts';
import { TIME_ZONE, todayInTehran } from '../../i18n/jalali.ts';
import { m } from '../../paraglide/messages.js';
import { localizeUrl, type Locale } from '../../paraglide/runtime.js';
import type { BellSessionStatus, CampaignEventStatus } from '../db/schema.ts';
import type { DB } from '../db/connect.ts';
import { findBellSessionsBetween, type BellSessionRow } from '../bell-sessions/repository.ts';
import { findCampaignEventsBetween, type DatedCampaignEvent } from '../campaigns/dated-events.ts';
import type { FeedOwner } from './repository.ts';

// The iCalendar text of one user's feed: the sessions and campaign events in their scope from
// two months back to a year ahead, in their language. Each keeps its UID for life and its
// SEQUENCE rises with every change (version - 1), so calendar apps update the event instead of
// adding another.

const DAYS_BACK = 60;
const YEARS_AHEAD = 1;
const REFRESH_SECONDS = 60 * 60;

const eventStatus: Record<BellSessionStatus, ICalEventStatus> = {
	proposed: ICalEventStatus.TENTATIVE,
	counter_proposed: ICalEventStatus.TENTATIVE,
	confirmed: ICalEventStatus.CONFIRMED,
	held: ICalEventStatus.CONFIRMED,
	declined: ICalEventStatus.CANCELLED,
	cancelled: ICalEventStatus.CANCELLED
};

export const campaignEventStatus: Record<CampaignEventStatus, ICalEventStatus> = {
	scheduled: ICalEventStatus.CONFIRMED,
	held: ICalEventStatus.CONFIRMED,
	cancelled: ICalEventStatus.CANCELLED
};

const listSeparator: Record<Locale, string> = { fa: '، ', en: ', ' };

function feedEventUid(sessionId: number): string {
	return `bell-session-${sessionId}@prevention-bell`;
}

function eventText(row: BellSessionRow, locale: Locale) {
	const topic = locale === 'fa' ? row.topic_fa : row.topic_en;
	const neighbourhood = locale === 'fa' ? row.neighborhood_fa : row.neighborhood_en;
	const status = bellSessionStatusLabel(row.status, locale);
	const names = { topic, school: row.school_name };
	// Some calendar apps show a cancelled event of a subscribed feed like any other: say it.
	const summary =
		eventStatus[row.status] === ICalEventStatus.CANCELLED
			? m.calendar_feed_summary_off({ ...names, status }, { locale })
			: m.calendar_feed_summary(names, { locale });
	const description = [
		m.calendar_feed_line_status({ status }, { locale }),
		m.calendar_feed_line_neighbourhood({ name: neighbourhood }, { locale }),
		m.calendar_feed_line_center({ name: row.center_name }, { locale }),
		m.calendar_feed_line_facilitator({ name: row.facilitator_name }, { locale }),
		m.calendar_feed_line_audience({ audience: sessionAudience(row, locale) }, { locale })
	].join('\n');
	const location = [row.location, row.school_name, neighbourhood]
		.filter((part) => part)
		.join(listSeparator[locale]);
	return { summary, description, location };
}

function campaignEventText(row: DatedCampaignEvent, locale: Locale) {
	const neighbourhood = locale === 'fa' ? row.neighborhood_fa : row.neighborhood_en;
	const status = campaignEventStatusLabel(row.status, locale);
	const names = { title: row.title, center: row.center_name };
	const summary =
		row.status === 'cancelled'
			? m.campaigns_feed_summary_off({ ...names, status }, { locale })
			: m.campaigns_feed_summary(names, { locale });
	const topic = locale === 'fa' ? row.topic_fa : row.topic_en;
	const description = [
		m.calendar_feed_line_status({ status }, { locale }),
		m.campaigns_feed_line_topic({ topic }, { locale }),
		m.calendar_feed_line_center({ name: row.center_name }, { locale }),
		m.calendar_feed_line_neighbourhood({ name: neighbourhood }, { locale }),
		row.facilitator_name &&
			m.calendar_feed_line_facilitator({ name: row.facilitator_name }, { locale }),
		m.calendar_feed_line_audience(
			{ audience: campaignAudienceLabel(row.audience, locale) },
			{ locale }
		)
	]
		.filter((line) => line)
		.join('\n');
	const location = [row.place, row.center_name, neighbourhood]
		.filter((part) => part)
		.join(listSeparator[locale]);
	return { summary, description, location };
}

/** The local dates a feed covers: two months back to a year ahead. */
export function feedDates(now: Date): { from: string; to: string } {
	const today = parseDate(todayInTehran(now));
	return {
		from: today.subtract({ days: DAYS_BACK }).toString(),
		to: today.add({ years: YEARS_AHEAD }).toString()
	};
}

/** An empty feed, named, in the reader's language; every feed of the app starts here. */
export function createFeedCalendar(name: string, locale: Locale): ICalCalendar {
	return ical({
		name,
		prodId: {
			company: 'Prevention Bell',
			product: 'calendar-feed',
			language: locale.toUpperCase()
		},
		method: ICalCalendarMethod.PUBLISH,
		ttl: REFRESH_SECONDS,
		// No calendar-wide zone (DTSTAMP stays UTC); the events' zone gets its VTIMEZONE from
		// current tz data bundled with timezones-ical-library (Tehran has had no DST since 2022).
		timezone: { name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null }
	});
}

/** The UID of a campaign event in every feed: calendar apps update it instead of adding another. */
export const campaignEventUid = (id: number) => `campaign-event-${id}@prevention-bell`;

/**
 * When a row happens, as a feed event says it: starts_at/ends_at are local date and time as
 * instants; TZDate lets ical-generator write them as Tehran wall-clock times whatever the
 * server's zone. SEQUENCE rises with every change (version - 1).
 */
export function feedTiming(row: {
	starts_at: string;
	ends_at: string;
	created_at: string;
	updated_at: string;
	version: number;
}) {
	return {
		sequence: row.version - 1,
		start: new TZDate(row.starts_at, TIME_ZONE),
		end: new TZDate(row.ends_at, TIME_ZONE),
		timezone: TIME_ZONE,
		stamp: new Date(row.updated_at),
		created: new Date(row.created_at),
		lastModified: new Date(row.updated_at)
	};
}

export async function buildCalendarFeed(
	db: DB,
	owner: FeedOwner,
	options: { origin: string; now?: Date }
): Promise<string> {
	const { from, to } = feedDates(options.now ?? new Date());
	const [rows, events] = await Promise.all([
		findBellSessionsBetween(db, owner, from, to),
		findCampaignEventsBetween(db, owner, from, to)
	]);
	const { locale } = owner;
	const calendar = createFeedCalendar(m.calendar_feed_calendar_name({}, { locale }), locale);
	for (const row of rows) {
		calendar.createEvent({
			id: feedEventUid(row.id),
			...feedTiming(row),
			status: eventStatus[row.status],
			url: localizeUrl(new URL(`/sessions/${row.id}`, options.origin), { locale }).href,
			...eventText(row, locale)
		});
	}
	for (const row of events) {
		calendar.createEvent({
			id: campaignEventUid(row.id),
			...feedTiming(row),
			status: campaignEventStatus[row.status],
			url: localizeUrl(new URL(`/campaigns/${row.campaign_id}#event-${row.id}`, options.origin), {
				locale
			}).href,
			...campaignEventText(row, locale)
		});
	}
	return calendar.toString();
}
