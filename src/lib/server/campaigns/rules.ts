import { parseDate } from '@internationalized/date';
import type { DB } from '../db/connect.ts';
import type { CampaignAudience } from '../db/schema.ts';
import { isClockTime, isIsoDate } from '../bell-sessions/time.ts';
import { findClosuresBetween, type ClosureRow } from '../closures/repository.ts';
import {
	checkSlotFutureAndOpen,
	checkSlotWellFormed,
	isAllowedDuration,
	type MalformedSlotProblem,
	type UnavailableSlotProblem
} from '../scheduling/slot-checks.ts';
import { closesCenter } from './generation.ts';

// What a campaign's rule, programme and single events must meet. Each check answers the first
// problem found, or null.

/** When and where the events happen. */
export interface CampaignRule {
	/** Inclusive 'YYYY-MM-DD'. */
	first_date: string;
	last_date: string;
	/** 0 = Sunday ... 6 = Saturday. */
	weekday: number;
	/** Local 'HH:MM'. */
	start_time: string;
	duration_minutes: number;
	place: string | null;
}

/** What the campaign is: the same for all its events. */
export interface CampaignDetails {
	title: string;
	topic_id: number;
	audience: CampaignAudience;
	facilitator_id: number | null;
	note: string | null;
}

export type RuleProblem =
	| 'date_invalid'
	| 'date_order'
	| 'too_long'
	| 'weekday_invalid'
	| 'time_invalid'
	| 'duration_invalid';

/** A series runs at most a year: enough for a school year, and a bounded number of events. */
export function checkRule(rule: CampaignRule): RuleProblem | null {
	if (!isIsoDate(rule.first_date) || !isIsoDate(rule.last_date)) return 'date_invalid';
	if (rule.last_date < rule.first_date) return 'date_order';
	if (parseDate(rule.first_date).add({ years: 1 }).toString() < rule.last_date) return 'too_long';
	if (!Number.isInteger(rule.weekday) || rule.weekday < 0 || rule.weekday > 6)
		return 'weekday_invalid';
	if (!isClockTime(rule.start_time)) return 'time_invalid';
	if (!isAllowedDuration(rule.duration_minutes)) return 'duration_invalid';
	return null;
}

export type DetailsProblem = 'title_required' | 'topic_inactive' | 'facilitator_inactive';

export async function checkDetails(
	db: DB,
	details: CampaignDetails,
	districtId: number
): Promise<DetailsProblem | null> {
	if (!details.title.trim()) return 'title_required';
	const topic = await db
		.selectFrom('topics')
		.select('id')
		.where('id', '=', details.topic_id)
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!topic) return 'topic_inactive';
	if (details.facilitator_id === null) return null;
	const facilitator = await db
		.selectFrom('facilitators')
		.select('id')
		.where('id', '=', details.facilitator_id)
		.where('district_id', '=', districtId)
		.where('active', '=', 1)
		.executeTakeFirst();
	return facilitator ? null : 'facilitator_inactive';
}

/** The closures that close a centre on some day of from..to. */
export async function findCenterClosures(
	db: DB,
	center: { id: number; district_id: number },
	from: string,
	to: string
): Promise<ClosureRow[]> {
	const closures = await findClosuresBetween(db, center.district_id, from, to);
	return closures.filter((closure) => closesCenter(closure, center.id));
}

export type SlotProblem = MalformedSlotProblem | UnavailableSlotProblem | { problem: 'date_taken' };

export interface EventSlot {
	center: { id: number; district_id: number };
	/** The campaign's other events must be on other days. */
	campaignId: number | null;
	excludeEventId?: number;
	/** Local 'YYYY-MM-DD' and 'HH:MM'. */
	date: string;
	start_time: string;
	duration_minutes: number;
	now: Date;
}

/** A single event's day and time: a real future time, on an open day, the campaign's only one. */
export async function checkEventSlot(db: DB, slot: EventSlot): Promise<SlotProblem | null> {
	const planned = {
		districtId: slot.center.district_id,
		centerId: slot.center.id,
		date: slot.date,
		startTime: slot.start_time,
		durationMinutes: slot.duration_minutes
	};
	const problem =
		checkSlotWellFormed(planned) ?? (await checkSlotFutureAndOpen(db, planned, slot.now));
	if (problem) return problem;
	if (slot.campaignId !== null) {
		let taken = db
			.selectFrom('campaign_events')
			.select('id')
			.where('campaign_id', '=', slot.campaignId)
			.where('date', '=', slot.date);
		if (slot.excludeEventId !== undefined) taken = taken.where('id', '<>', slot.excludeEventId);
		if (await taken.executeTakeFirst()) return { problem: 'date_taken' };
	}
	return null;
}
