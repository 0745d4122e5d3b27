import { sql, type RawBuilder } from 'kysely';
import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import type { Campaign, CampaignEvent } from '../db/schema.ts';
import { campaignIdsInScope } from './scope.ts';

// Reading campaigns and their events with the names people need, always within the user's scope.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

export const CAMPAIGN_PAGE_SIZE = 25;

/** Upcoming: not started yet; running: today lies between its first and last date. */
export const campaignPeriods = ['upcoming', 'running', 'finished'] as const;
export type CampaignPeriod = (typeof campaignPeriods)[number];

export type CampaignRow = Campaign & {
	center_name: string;
	district_id: number;
	topic_fa: string;
	topic_en: string;
	facilitator_name: string | null;
	creator_name: string | null;
};

function campaignsInScope(db: DB, user: ScopedUser) {
	return db
		.selectFrom('campaigns')
		.innerJoin('centers', 'centers.id', 'campaigns.center_id')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.innerJoin('topics', 'topics.id', 'campaigns.topic_id')
		.leftJoin('facilitators', 'facilitators.id', 'campaigns.facilitator_id')
		.leftJoin('users as creators', 'creators.id', 'campaigns.created_by')
		.selectAll('campaigns')
		.select([
			'centers.name as center_name',
			'areas.district_id',
			'topics.name_fa as topic_fa',
			'topics.name_en as topic_en',
			'facilitators.name as facilitator_name',
			'creators.display_name as creator_name'
		])
		.where('campaigns.id', 'in', campaignIdsInScope(db, user));
}

/** One campaign, or undefined when it does not exist or lies outside the user's scope. */
export async function findCampaignInScope(
	db: DB,
	user: ScopedUser,
	id: number
): Promise<CampaignRow | undefined> {
	return campaignsInScope(db, user).where('campaigns.id', '=', id).executeTakeFirst();
}

export interface CampaignFilter {
	centerId?: number;
	period?: CampaignPeriod;
}

export type CampaignListRow = CampaignRow & {
	scheduled: number;
	cancelled: number;
	needs_attention: number;
};

function filtered(db: DB, user: ScopedUser, filter: CampaignFilter, today: string) {
	let query = campaignsInScope(db, user);
	if (filter.centerId !== undefined)
		query = query.where('campaigns.center_id', '=', filter.centerId);
	if (filter.period === 'upcoming') query = query.where('campaigns.first_date', '>', today);
	if (filter.period === 'running')
		query = query
			.where('campaigns.first_date', '<=', today)
			.where('campaigns.last_date', '>=', today);
	if (filter.period === 'finished') query = query.where('campaigns.last_date', '<', today);
	return query;
}

/** One page of the campaigns matching `filter`, latest first, with counts of their events. */
export async function listCampaigns(
	db: DB,
	user: ScopedUser,
	filter: CampaignFilter,
	page: number,
	today: string
): Promise<{ rows: CampaignListRow[]; total: number }> {
	const [rows, count] = await Promise.all([
		filtered(db, user, filter, today)
			.orderBy('campaigns.first_date', 'desc')
			.orderBy('campaigns.id', 'desc')
			.limit(CAMPAIGN_PAGE_SIZE)
			.offset((page - 1) * CAMPAIGN_PAGE_SIZE)
			.execute(),
		filtered(db, user, filter, today)
			.clearSelect()
			.select((eb) => eb.fn.countAll<number>().as('total'))
			.executeTakeFirstOrThrow()
	]);
	// The events of the page's campaigns only, counted after the page is chosen: counting them in
	// the page query counts every campaign in scope before sorting (a country: 58,000).
	const counts = new Map(
		(rows.length
			? await eventCounts(
					db,
					rows.map((row) => row.id)
				)
			: []
		).map((c) => [c.campaign_id, c])
	);
	return {
		rows: rows.map((row) => ({
			...row,
			scheduled: Number(counts.get(row.id)?.scheduled ?? 0),
			cancelled: Number(counts.get(row.id)?.cancelled ?? 0),
			needs_attention: Number(counts.get(row.id)?.needs_attention ?? 0)
		})),
		total: Number(count.total)
	};
}

function eventCounts(db: DB, campaignIds: number[]) {
	const countOf = (condition: RawBuilder<unknown>) =>
		sql<number>`sum(case when ${condition} then 1 else 0 end)`;
	return db
		.selectFrom('campaign_events')
		.select([
			'campaign_id',
			countOf(sql`status = 'scheduled'`).as('scheduled'),
			countOf(sql`status = 'cancelled'`).as('cancelled'),
			countOf(sql`needs_attention = 1`).as('needs_attention')
		])
		.where('campaign_id', 'in', campaignIds)
		.groupBy('campaign_id')
		.execute();
}

/** An event with the name of the closure that asks for attention. */
export type CampaignEventRow = CampaignEvent & {
	attention_fa: string | null;
	attention_en: string | null;
};

/** A campaign's events in date order; call only for a campaign found in the user's scope. */
export async function findCampaignEvents(db: DB, campaignId: number): Promise<CampaignEventRow[]> {
	return db
		.selectFrom('campaign_events')
		.leftJoin('closures', 'closures.id', 'campaign_events.attention_closure_id')
		.selectAll('campaign_events')
		.select(['closures.name_fa as attention_fa', 'closures.name_en as attention_en'])
		.where('campaign_events.campaign_id', '=', campaignId)
		.orderBy('campaign_events.date')
		.execute();
}
