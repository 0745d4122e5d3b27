import {
	sql,
	type Expression,
	type ExpressionBuilder,
	type RawBuilder,
	type SqlBool
} from 'kysely';
import type { DB } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { AuthUser } from '../auth/guard.ts';
import { neighborhoodIdsInScope, schoolIdsInScope } from '../auth/scope.ts';
import { bellSessionInScope } from '../bell-sessions/scope.ts';
import type { CoverageFilter, CoverageView } from './filter.ts';

// The rows each measure adds up, for one filter within one user's scope. Every activity counts
// under the neighbourhood it belongs to: a pairing and a session under their neighbourhood, a
// Sunday event under its centre's. That neighbourhood's area and district place it higher up.

export interface CoverageContext {
	db: DB;
	user: Pick<AuthUser, 'role' | 'scope'>;
	filter: CoverageFilter;
	/** The school year's first and last day, 'YYYY-MM-DD'. */
	year: { startsOn: string; endsOn: string };
	/** Read the district tallies where they answer (see district-tallies.ts), not the rows. */
	tallies: boolean;
}

/** What one row of figures stands for: a drill-down level, or everything ('all'). */
export type Grouping = CoverageView | 'all';

/** The column rows are added up by; `schoolColumn` for the school level. */
export function keyOf(grouping: Grouping, schoolColumn: string): RawBuilder<number> {
	const column = {
		all: null,
		district: 'areas.district_id',
		area: 'neighborhoods.area_id',
		neighborhood: 'neighborhoods.id',
		school: schoolColumn
	}[grouping];
	return column ? sql<number>`${sql.ref(column)}` : sql<number>`0`;
}

/** The neighbourhood in scope and in the place chosen. */
export function inPlace(ctx: CoverageContext) {
	const { db, user, filter } = ctx;
	return (eb: ExpressionBuilder<Database, 'neighborhoods' | 'areas'>): Expression<SqlBool> => {
		// Admins and liaisons read whole districts: test the district, not each neighbourhood.
		const conditions = [
			isDistrictWide(user)
				? eb(
						'areas.district_id',
						'in',
						user.scope.districtIds.length ? user.scope.districtIds : [-1]
					)
				: eb('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user))
		];
		if (filter.districtId) conditions.push(eb('areas.district_id', '=', filter.districtId));
		if (filter.areaId) conditions.push(eb('neighborhoods.area_id', '=', filter.areaId));
		if (filter.neighborhoodId) conditions.push(eb('neighborhoods.id', '=', filter.neighborhoodId));
		return eb.and(conditions);
	};
}

export const isDistrictWide = (user: CoverageContext['user']) =>
	user.role === 'admin' || user.role === 'liaison';

/**
 * The paired school counts: in scope, of the level and gender chosen. For admins and liaisons the
 * neighbourhood's district already puts the pairing in scope, so only level and gender are tested.
 */
function pairedSchoolCounts(ctx: CoverageContext) {
	return (eb: ExpressionBuilder<Database, 'pairings'>): Expression<SqlBool> => {
		const { level, gender } = ctx.filter;
		if (isDistrictWide(ctx.user) && !level && !gender) return eb.and([]);
		let schools = isDistrictWide(ctx.user)
			? ctx.db.selectFrom('schools').select('schools.id')
			: schoolIdsInScope(ctx.db, ctx.user);
		if (level) schools = schools.where('schools.level', '=', level);
		if (gender) schools = schools.where('schools.gender', '=', gender);
		return eb('pairings.school_id', 'in', schools);
	};
}

/** Every neighbourhood, left-joined to its pairing of the year when that pairing counts. */
export function neighborhoodsOfYear(ctx: CoverageContext) {
	return ctx.db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.leftJoin('pairings', (join) =>
			join
				.onRef('pairings.neighborhood_id', '=', 'neighborhoods.id')
				.on('pairings.school_year_id', '=', ctx.filter.schoolYearId)
				.on(pairedSchoolCounts(ctx))
		)
		.where(inPlace(ctx));
}

export function pairingsOfYear(ctx: CoverageContext) {
	return ctx.db
		.selectFrom('pairings')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'pairings.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.where('pairings.school_year_id', '=', ctx.filter.schoolYearId)
		.where(pairedSchoolCounts(ctx))
		.where(inPlace(ctx));
}

/** The paired school had a held session this year, one the user may see. */
export function heldAtPairedSchool(ctx: CoverageContext) {
	return (eb: ExpressionBuilder<Database, 'pairings'>): Expression<SqlBool> =>
		eb.exists(
			eb
				.selectFrom('bell_sessions')
				.select('bell_sessions.id')
				.whereRef('bell_sessions.school_id', '=', 'pairings.school_id')
				.where('bell_sessions.school_year_id', '=', ctx.filter.schoolYearId)
				.where('bell_sessions.status', '=', 'held')
				.where(bellSessionInScope(ctx.db, ctx.user))
		);
}

export function sessionsOfYear(ctx: CoverageContext) {
	const { db, user, filter } = ctx;
	let query = db
		.selectFrom('bell_sessions')
		.innerJoin('schools', 'schools.id', 'bell_sessions.school_id')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'bell_sessions.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.where('bell_sessions.school_year_id', '=', filter.schoolYearId)
		.where(bellSessionInScope(db, user))
		.where(inPlace(ctx));
	if (filter.level) query = query.where('schools.level', '=', filter.level);
	if (filter.gender) query = query.where('schools.gender', '=', filter.gender);
	return query;
}

/**
 * Sunday events dated in the school year. They belong to a centre, not a school: the level and
 * gender chosen do not change them.
 */
export function eventsOfYear(ctx: CoverageContext) {
	return ctx.db
		.selectFrom('campaign_events')
		.leftJoin(
			'campaign_event_attendance',
			'campaign_event_attendance.campaign_event_id',
			'campaign_events.id'
		)
		.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
		.innerJoin('centers', 'centers.id', 'campaigns.center_id')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.where('campaign_events.date', '>=', ctx.year.startsOn)
		.where('campaign_events.date', '<=', ctx.year.endsOn)
		.where(inPlace(ctx));
}
