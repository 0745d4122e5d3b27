import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { inPlace, isDistrictWide, type CoverageContext } from './sources.ts';
import type { TrendRows } from './trend.ts';

// The same measures read from the district tallies the database keeps up to date on every write
// (migration 2026-11-26T14-00): a few rows a district instead of a country's sessions, events and
// answers. They hold whole districts of one school year, by the school's level and gender, so they
// answer a district-wide reader (admin, liaison) who has not chosen an area or a neighbourhood.

/** Whether the tallies can answer for these choices; the report then reads them. */
export function talliesAnswer(ctx: Pick<CoverageContext, 'user' | 'filter'>): boolean {
	return isDistrictWide(ctx.user) && !ctx.filter.areaId && !ctx.filter.neighborhoodId;
}

type SchoolTally =
	| 'coverage_session_tallies'
	| 'coverage_grade_tallies'
	| 'coverage_pairing_tallies'
	| 'coverage_enrolment_tallies';

const column = (name: string) => sql.ref<number | string>(name);

/** In the reader's districts (and the one chosen). */
function inDistricts<TB extends keyof Database>(ctx: CoverageContext) {
	const ids = ctx.user.scope.districtIds;
	return (eb: ExpressionBuilder<Database, TB>): Expression<SqlBool> => {
		const conditions = [eb(column('district_id'), 'in', ids.length ? ids : [-1])];
		if (ctx.filter.districtId)
			conditions.push(eb(column('district_id'), '=', ctx.filter.districtId));
		return eb.and(conditions);
	};
}

/** Of the school year, districts, level and gender chosen. */
function schoolTallies<T extends SchoolTally>(ctx: CoverageContext, table: T) {
	const { schoolYearId, level, gender } = ctx.filter;
	return ctx.db
		.selectFrom(table as SchoolTally)
		.where(column('school_year_id'), '=', schoolYearId)
		.where(inDistricts(ctx))
		.$if(!!level, (qb) => qb.where(column('level'), '=', level!))
		.$if(!!gender, (qb) => qb.where(column('gender'), '=', gender!));
}

/** Sunday events dated in the school year, in the districts chosen. */
function eventTallies(ctx: CoverageContext) {
	return ctx.db
		.selectFrom('coverage_event_tallies')
		.where('date', '>=', ctx.year.startsOn)
		.where('date', '<=', ctx.year.endsOn)
		.where(inDistricts(ctx));
}

const sum = (name: string) => sql<number>`sum(${sql.ref(name)})`;

type Row = { key: number } & Record<string, number | string | null>;

/** The figures by district, one query a tally, in the measures' names. */
export function talliedFigureQueries(ctx: CoverageContext): Promise<Row[]>[] {
	const key = sql<number>`district_id`;
	return [
		schoolTallies(ctx, 'coverage_session_tallies')
			.select([
				key.as('key'),
				sum('sessions_proposed').as('sessionsProposed'),
				sum('sessions_confirmed').as('sessionsConfirmed'),
				sum('sessions_held').as('sessionsHeld'),
				sum('sessions_cancelled').as('sessionsCancelled'),
				sum('sessions_declined').as('sessionsDeclined'),
				sum('students_reached').as('studentsReached'),
				sum('staff_ratings').as('staffRatings'),
				sum('staff_rating_sum').as('staffRatingSum'),
				sum('answers').as('answers'),
				sum('answer_rating_sum').as('answerRatingSum')
			])
			.groupBy(key)
			.execute(),
		// A neighbourhood pairs with one school a year and a school with one neighbourhood: the
		// paired neighbourhoods are as many as the paired schools.
		schoolTallies(ctx, 'coverage_pairing_tallies')
			.select([
				key.as('key'),
				sum('schools_paired').as('schoolsPaired'),
				sum('schools_paired').as('neighborhoodsPaired'),
				sum('schools_reached').as('schoolsReached')
			])
			.groupBy(key)
			.execute(),
		schoolTallies(ctx, 'coverage_enrolment_tallies')
			.select([key.as('key'), sum('students_enrolled').as('studentsEnrolled')])
			.groupBy(key)
			.execute(),
		eventTallies(ctx)
			.select([
				key.as('key'),
				sum('events_planned').as('eventsPlanned'),
				sum('events_held').as('eventsHeld'),
				sum('events_cancelled').as('eventsCancelled'),
				sum('event_attendance').as('eventAttendance')
			])
			.groupBy(key)
			.execute(),
		ctx.db
			.selectFrom('neighborhoods')
			.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
			.where(inPlace(ctx))
			.select((eb) => [
				'areas.district_id as key',
				eb.fn.countAll<number>().as('neighborhoodsTotal')
			])
			.groupBy('areas.district_id')
			.execute()
	];
}

/**
 * Held sessions and students reached by session month, held events by event date; `monthOf` gives
 * a date's month (the database groups by day or month start, a few hundred rows at most).
 */
export async function talliedTrendRows(
	ctx: CoverageContext,
	monthOf: (date: string) => number
): Promise<TrendRows> {
	const [sessions, events] = await Promise.all([
		schoolTallies(ctx, 'coverage_session_tallies')
			.select([
				sql<string>`month_start`.as('day'),
				sum('sessions_held').as('sessionsHeld'),
				sum('students_reached').as('studentsReached')
			])
			.groupBy('month_start')
			.execute(),
		eventTallies(ctx)
			.select(['date as day', sum('events_held').as('eventsHeld')])
			.groupBy('date')
			.execute()
	]);
	const byMonth = <T extends { day: string }>(rows: T[]) =>
		rows.map(({ day, ...sums }) => ({ ...sums, month: monthOf(day) }));
	return { sessions: byMonth(sessions), reached: byMonth(sessions), events: byMonth(events) };
}

/** Students reached by grade and gender, and enrolled by grade and the school's gender. */
export async function talliedGradeRows(ctx: CoverageContext) {
	const [reached, enrolled] = await Promise.all([
		schoolTallies(ctx, 'coverage_grade_tallies')
			.select([
				sql<number>`grade`.as('grade'),
				sql<'girls' | 'boys'>`student_gender`.as('gender'),
				sum('students_reached').as('studentsReached')
			])
			.groupBy(['grade', 'student_gender'])
			.execute(),
		schoolTallies(ctx, 'coverage_enrolment_tallies')
			.select([
				sql<number>`grade`.as('grade'),
				sql<'girls' | 'boys'>`gender`.as('gender'),
				sum('students_enrolled').as('studentsEnrolled')
			])
			.groupBy(['grade', 'gender'])
			.execute()
	]);
	return { reached, enrolled };
}
