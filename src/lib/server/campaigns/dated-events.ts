import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { scopeColumn } from '../auth/scope.ts';
import type { Campaign, CampaignEvent } from '../db/schema.ts';
import { firstOfEachDay } from '../calendar/first-of-days.ts';
import { campaignCenterIdsInScope } from './scope.ts';

// Campaign events as every dated view reads them (the calendar, the feeds, the home page), with
// their campaign's title, centre and topic, always within the user's scope.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

/** An event with what calendars, feeds and home pages say about it. */
export type DatedCampaignEvent = Pick<
	CampaignEvent,
	| 'id'
	| 'campaign_id'
	| 'date'
	| 'start_time'
	| 'starts_at'
	| 'ends_at'
	| 'place'
	| 'status'
	| 'needs_attention'
	| 'cancel_reason'
	| 'created_at'
	| 'updated_at'
	| 'version'
> & {
	title: string;
	audience: Campaign['audience'];
	center_id: number;
	center_name: string;
	neighborhood_fa: string;
	neighborhood_en: string;
	topic_fa: string;
	topic_en: string;
	facilitator_name: string | null;
};

export function datedEventsInScope(db: DB, user: ScopedUser) {
	return db
		.selectFrom('campaign_events')
		.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
		.innerJoin('centers', 'centers.id', 'campaigns.center_id')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
		.innerJoin('topics', 'topics.id', 'campaigns.topic_id')
		.leftJoin('facilitators', 'facilitators.id', 'campaigns.facilitator_id')
		.select([
			'campaign_events.id',
			'campaign_events.campaign_id',
			'campaign_events.date',
			'campaign_events.start_time',
			'campaign_events.starts_at',
			'campaign_events.ends_at',
			'campaign_events.place',
			'campaign_events.status',
			'campaign_events.needs_attention',
			'campaign_events.cancel_reason',
			'campaign_events.created_at',
			'campaign_events.updated_at',
			'campaign_events.version',
			'campaigns.title',
			'campaigns.audience',
			'campaigns.center_id',
			'centers.name as center_name',
			'neighborhoods.name_fa as neighborhood_fa',
			'neighborhoods.name_en as neighborhood_en',
			'topics.name_fa as topic_fa',
			'topics.name_en as topic_en',
			'facilitators.name as facilitator_name'
		])
		.where(scopeColumn(user, 'campaigns.center_id'), 'in', campaignCenterIdsInScope(db, user));
}

/** Every event in scope on the local dates from..to (inclusive), in time order: calendars, feeds. */
export async function findCampaignEventsBetween(
	db: DB,
	user: ScopedUser,
	from: string,
	to: string
): Promise<DatedCampaignEvent[]> {
	return datedEventsInScope(db, user)
		.where('campaign_events.date', '>=', from)
		.where('campaign_events.date', '<=', to)
		.orderBy('campaign_events.starts_at')
		.orderBy('campaign_events.id')
		.execute();
}

/** The first `perDay` events in scope of each local date from..to, with their date's total. */
export async function findFirstCampaignEventsOfDays(
	db: DB,
	user: ScopedUser,
	from: string,
	to: string,
	perDay: number
): Promise<(DatedCampaignEvent & { day_total: number })[]> {
	const events = datedEventsInScope(db, user)
		.where('campaign_events.date', '>=', from)
		.where('campaign_events.date', '<=', to);
	return firstOfEachDay(db, events, 'campaign_events', perDay);
}

/** One event in scope, or undefined when it does not exist or lies outside the user's scope. */
export async function findCampaignEventInScope(
	db: DB,
	user: ScopedUser,
	eventId: number
): Promise<DatedCampaignEvent | undefined> {
	return datedEventsInScope(db, user).where('campaign_events.id', '=', eventId).executeTakeFirst();
}
