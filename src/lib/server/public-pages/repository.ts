import { sql } from 'kysely';
import type { DB } from '../db/connect.ts';
import type { CampaignEventStatus } from '../db/schema.ts';

// What a signed-out visitor may read about a neighbourhood: its name, its centres' addresses and
// phones, and their Sunday campaign events. These queries name their columns one by one and join
// nothing about schools, bell sessions, users or facilitators: children's schedules and people's
// names never reach a public page.

export interface PublicCenter {
	id: number;
	name: string;
	address: string | null;
	phone: string | null;
}

export interface PublicNeighborhood {
	id: number;
	name_fa: string;
	name_en: string;
	area_fa: string;
	area_en: string;
	district_fa: string;
	district_en: string;
	city_fa: string;
	city_en: string;
	centers: PublicCenter[];
}

export async function findPublicNeighborhood(
	db: DB,
	id: number
): Promise<PublicNeighborhood | null> {
	const place = await db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.innerJoin('districts', 'districts.id', 'areas.district_id')
		.select([
			'neighborhoods.id',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'areas.name_fa as area_fa',
			'areas.name_en as area_en',
			'districts.name_fa as district_fa',
			'districts.name_en as district_en',
			'districts.city_fa',
			'districts.city_en'
		])
		.where('neighborhoods.id', '=', id)
		.executeTakeFirst();
	if (!place) return null;
	const centers = await db
		.selectFrom('centers')
		.select(['id', 'name', 'address', 'phone'])
		.where('neighborhood_id', '=', id)
		.orderBy('name')
		.orderBy('id')
		.execute();
	return { ...place, centers };
}

/** A campaign event as the public reads it. */
export interface PublicEvent {
	id: number;
	center_id: number;
	title: string;
	topic_fa: string;
	topic_en: string;
	/** Local 'YYYY-MM-DD' and 'HH:MM', and the same moments as UTC instants. */
	date: string;
	start_time: string;
	starts_at: string;
	ends_at: string;
	place: string | null;
	status: CampaignEventStatus;
	/** The date and time the series' rule gave it; null for a date added by hand. */
	rule_date: string | null;
	rule_start_time: string;
	/** 0/1: a closure added later covers its day, and its centre has not decided yet. */
	needs_attention: number;
	created_at: string;
	updated_at: string;
	version: number;
}

function publicEvents(db: DB, centerIds: number[]) {
	return db
		.selectFrom('campaign_events')
		.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
		.innerJoin('topics', 'topics.id', 'campaigns.topic_id')
		.select([
			'campaign_events.id',
			'campaigns.center_id',
			'campaigns.title',
			'topics.name_fa as topic_fa',
			'topics.name_en as topic_en',
			'campaign_events.date',
			'campaign_events.start_time',
			'campaign_events.starts_at',
			'campaign_events.ends_at',
			'campaign_events.place',
			'campaign_events.status',
			'campaign_events.rule_date',
			'campaigns.start_time as rule_start_time',
			'campaign_events.needs_attention',
			'campaign_events.created_at',
			'campaign_events.updated_at',
			'campaign_events.version'
		])
		.where('campaigns.center_id', 'in', centerIds.length ? centerIds : [-1]);
}

/** Events that have not ended by `now`, cancelled ones too, soonest first; at most `limit`. */
export async function findUpcomingEvents(
	db: DB,
	centerIds: number[],
	now: Date,
	limit: number
): Promise<PublicEvent[]> {
	return publicEvents(db, centerIds)
		.where('campaign_events.ends_at', '>', now.toISOString())
		.orderBy('campaign_events.starts_at')
		.orderBy('campaign_events.id')
		.limit(limit)
		.execute();
}

/** Every event on the local dates from..to (inclusive), in time order: posters, feeds. */
export async function findEventsBetween(
	db: DB,
	centerIds: number[],
	from: string,
	to: string
): Promise<PublicEvent[]> {
	return publicEvents(db, centerIds)
		.where('campaign_events.date', '>=', from)
		.where('campaign_events.date', '<=', to)
		.orderBy('campaign_events.starts_at')
		.orderBy('campaign_events.id')
		.execute();
}

export interface HeldEvent {
	id: number;
	title: string;
	topic_fa: string;
	topic_en: string;
	date: string;
	starts_at: string;
	ends_at: string;
	/** Everyone counted, all age bands and genders together. */
	attendance: number;
}

/** Held events dated from..to (inclusive), latest first, each with its attendance total only. */
export async function findHeldEvents(
	db: DB,
	centerIds: number[],
	from: string,
	to: string
): Promise<HeldEvent[]> {
	const a = 'campaign_event_attendance';
	const rows = await db
		.selectFrom('campaign_events')
		.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
		.innerJoin('topics', 'topics.id', 'campaigns.topic_id')
		.innerJoin(a, `${a}.campaign_event_id`, 'campaign_events.id')
		.select([
			'campaign_events.id',
			'campaigns.title',
			'topics.name_fa as topic_fa',
			'topics.name_en as topic_en',
			'campaign_events.date',
			'campaign_events.starts_at',
			'campaign_events.ends_at',
			sql<number>`${sql.ref(`${a}.adults_women`)} + ${sql.ref(`${a}.adults_men`)} + ${sql.ref(`${a}.youth_girls`)} + ${sql.ref(`${a}.youth_boys`)} + ${sql.ref(`${a}.children_girls`)} + ${sql.ref(`${a}.children_boys`)}`.as(
				'attendance'
			)
		])
		.where('campaigns.center_id', 'in', centerIds.length ? centerIds : [-1])
		.where('campaign_events.status', '=', 'held')
		.where('campaign_events.date', '>=', from)
		.where('campaign_events.date', '<=', to)
		.orderBy('campaign_events.starts_at', 'desc')
		.orderBy('campaign_events.id', 'desc')
		.execute();
	return rows.map((row) => ({ ...row, attendance: Number(row.attendance) }));
}
