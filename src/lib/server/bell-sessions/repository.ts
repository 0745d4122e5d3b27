import { sql } from 'kysely';
import type { DB } from '../db/connect.ts';
import { countUpTo } from '../db/count-up-to.ts';
import { daysBetween } from '../db/dialect.ts';
import { COUNT_CAP } from '../../counts.ts';
import type { AuthUser } from '../auth/guard.ts';
import type { BellSession, BellSessionStatus } from '../db/schema.ts';
import { defaultSettings } from '../settings/repository.ts';
import { RESPONSE_DEADLINE_DAYS } from '../../schemas/closures.ts';
import { firstOfEachDay } from '../calendar/first-of-days.ts';
import { bellSessionInScope } from './scope.ts';

// Reading bell sessions with the names people need, always within the user's scope.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

/** A session with the names of its places, topic and facilitator. */
export type BellSessionRow = Omit<BellSession, 'proposed_by'> & {
	neighborhood_fa: string;
	neighborhood_en: string;
	area_id: number;
	school_name: string;
	center_name: string;
	topic_fa: string;
	topic_en: string;
	facilitator_name: string;
};

export const BELL_SESSION_PAGE_SIZE = 25;

export interface BellSessionFilter {
	statuses?: readonly BellSessionStatus[];
	districtId?: number;
	areaId?: number;
	neighborhoodId?: number;
	schoolId?: number;
	topicId?: number;
	facilitatorId?: number;
	/** Inclusive local dates 'YYYY-MM-DD'. */
	from?: string;
	to?: string;
	/** Only sessions attendance is overdue for at this instant: confirmed, ended, none recorded. */
	overdueAt?: string;
}

function sessionsInScope(db: DB, user: ScopedUser) {
	return db
		.selectFrom('bell_sessions')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'bell_sessions.neighborhood_id')
		.innerJoin('schools', 'schools.id', 'bell_sessions.school_id')
		.innerJoin('centers', 'centers.id', 'bell_sessions.center_id')
		.innerJoin('topics', 'topics.id', 'bell_sessions.topic_id')
		.innerJoin('facilitators', 'facilitators.id', 'bell_sessions.facilitator_id')
		.select([
			'bell_sessions.id',
			'bell_sessions.status',
			'bell_sessions.version',
			'bell_sessions.school_year_id',
			'bell_sessions.neighborhood_id',
			'neighborhoods.name_fa as neighborhood_fa',
			'neighborhoods.name_en as neighborhood_en',
			'neighborhoods.area_id',
			'bell_sessions.school_id',
			'schools.name as school_name',
			'bell_sessions.center_id',
			'centers.name as center_name',
			'bell_sessions.topic_id',
			'topics.name_fa as topic_fa',
			'topics.name_en as topic_en',
			'bell_sessions.facilitator_id',
			'facilitators.name as facilitator_name',
			'bell_sessions.audience',
			'bell_sessions.grades',
			'bell_sessions.expected_headcount',
			'bell_sessions.date',
			'bell_sessions.start_time',
			'bell_sessions.duration_minutes',
			'bell_sessions.starts_at',
			'bell_sessions.ends_at',
			'bell_sessions.location',
			'bell_sessions.note',
			'bell_sessions.created_at',
			'bell_sessions.updated_at'
		])
		.where(bellSessionInScope(db, user));
}

function filtered(db: DB, user: ScopedUser, filter: BellSessionFilter) {
	let query = sessionsInScope(db, user);
	if (filter.statuses?.length) query = query.where('bell_sessions.status', 'in', filter.statuses);
	if (filter.districtId !== undefined)
		query = query.where('neighborhoods.area_id', 'in', (eb) =>
			eb.selectFrom('areas').select('areas.id').where('areas.district_id', '=', filter.districtId!)
		);
	if (filter.areaId !== undefined) query = query.where('neighborhoods.area_id', '=', filter.areaId);
	if (filter.neighborhoodId !== undefined)
		query = query.where('bell_sessions.neighborhood_id', '=', filter.neighborhoodId);
	if (filter.schoolId !== undefined)
		query = query.where('bell_sessions.school_id', '=', filter.schoolId);
	if (filter.topicId !== undefined)
		query = query.where('bell_sessions.topic_id', '=', filter.topicId);
	if (filter.facilitatorId !== undefined)
		query = query.where('bell_sessions.facilitator_id', '=', filter.facilitatorId);
	if (filter.from) query = query.where('bell_sessions.date', '>=', filter.from);
	if (filter.to) query = query.where('bell_sessions.date', '<=', filter.to);
	if (filter.overdueAt)
		query = query
			.where('bell_sessions.status', '=', 'confirmed')
			.where('bell_sessions.ends_at', '<', filter.overdueAt)
			.where(({ not, exists, selectFrom }) =>
				not(
					exists(
						selectFrom('bell_session_attendance')
							.select('bell_session_attendance.bell_session_id')
							.whereRef('bell_session_attendance.bell_session_id', '=', 'bell_sessions.id')
					)
				)
			);
	return query;
}

/**
 * One page of the sessions matching `filter`, soonest first, and how many match in all, counted up
 * to `countCap` (COUNT_CAP, or further when the page lies beyond it: the pages up to the one shown
 * are always counted): a country's sessions are not counted one by one to show a page.
 */
export async function listBellSessions(
	db: DB,
	user: ScopedUser,
	filter: BellSessionFilter,
	page: number
): Promise<{ rows: BellSessionRow[]; total: number; countCap: number }> {
	const countCap = Math.max(COUNT_CAP, page * BELL_SESSION_PAGE_SIZE);
	const [rows, total] = await Promise.all([
		filtered(db, user, filter)
			.orderBy('bell_sessions.starts_at')
			.orderBy('bell_sessions.id')
			.limit(BELL_SESSION_PAGE_SIZE)
			.offset((page - 1) * BELL_SESSION_PAGE_SIZE)
			.execute(),
		countUpTo(db, filtered(db, user, filter), countCap)
	]);
	return { rows, total, countCap };
}

/** Every session in scope on the local dates from..to (inclusive), in time order: calendars, feeds. */
export async function findBellSessionsBetween(
	db: DB,
	user: ScopedUser,
	from: string,
	to: string
): Promise<BellSessionRow[]> {
	return filtered(db, user, { from, to })
		.orderBy('bell_sessions.starts_at')
		.orderBy('bell_sessions.id')
		.execute();
}

/**
 * The first `perDay` sessions in scope of each local date from..to, in time order, each with how
 * many sessions its date has in all: a month view stays readable (and small) when a scope holds
 * thousands of sessions a day.
 */
export async function findFirstBellSessionsOfDays(
	db: DB,
	user: ScopedUser,
	from: string,
	to: string,
	perDay: number
): Promise<(BellSessionRow & { day_total: number })[]> {
	return firstOfEachDay(db, filtered(db, user, { from, to }), 'bell_sessions', perDay);
}

/** One session, or undefined when it does not exist or lies outside the user's scope. */
export async function findBellSessionInScope(
	db: DB,
	user: ScopedUser,
	id: number
): Promise<BellSessionRow | undefined> {
	return sessionsInScope(db, user).where('bell_sessions.id', '=', id).executeTakeFirst();
}

export type NeedsActionKind =
	'awaiting_school' | 'awaiting_centre' | 'past_response_deadline' | 'attendance_overdue';

/** What each role is asked to look at on its home page. */
const kindsFor: Record<ScopedUser['role'], NeedsActionKind[]> = {
	school_staff: ['awaiting_school', 'attendance_overdue'],
	center_manager: ['awaiting_centre', 'attendance_overdue'],
	admin: ['awaiting_centre', 'past_response_deadline', 'attendance_overdue'],
	liaison: ['past_response_deadline', 'attendance_overdue']
};

const NEEDS_ACTION_LIMIT = 20;

function daysBefore(now: Date, days: number): string {
	return new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
}

/**
 * The sessions waiting on this user, by kind: proposals for the school to answer,
 * counter-proposals for the centre, proposals unanswered past the district's response deadline,
 * and confirmed sessions whose end has passed without attendance. Each list is the oldest first,
 * at most 20, with how many there are in all.
 */
export async function findSessionsNeedingAction(
	db: DB,
	user: ScopedUser,
	now = new Date()
): Promise<{ kind: NeedsActionKind; rows: BellSessionRow[]; total: number }[]> {
	const at = now.toISOString();
	const queries = kindsFor[user.role].map((kind) => {
		const base = sessionsInScope(db, user);
		switch (kind) {
			case 'awaiting_school':
				return { kind, query: base.where('bell_sessions.status', '=', 'proposed') };
			case 'awaiting_centre':
				return { kind, query: base.where('bell_sessions.status', '=', 'counter_proposed') };
			case 'past_response_deadline':
				return {
					kind,
					query: base
						.where('bell_sessions.status', '=', 'proposed')
						// No deadline is shorter than the least a district may set: a bound the index can use.
						.where('bell_sessions.updated_at', '<', daysBefore(now, RESPONSE_DEADLINE_DAYS.min))
						.where((eb) =>
							eb(
								daysBetween(db, at, sql.ref('bell_sessions.updated_at')),
								'>',
								eb.fn.coalesce(
									eb
										.selectFrom('settings')
										.innerJoin('areas', 'areas.district_id', 'settings.district_id')
										.select('settings.response_deadline_days')
										.whereRef('areas.id', '=', 'neighborhoods.area_id'),
									eb.val(defaultSettings.response_deadline_days)
								)
							)
						)
				};
			case 'attendance_overdue':
				return { kind, query: filtered(db, user, { overdueAt: at }) };
		}
	});
	return Promise.all(
		queries.map(async ({ kind, query }) => {
			const [rows, total] = await Promise.all([
				query.orderBy('bell_sessions.starts_at').limit(NEEDS_ACTION_LIMIT).execute(),
				countUpTo(db, query)
			]);
			return { kind, rows, total };
		})
	);
}
