import { sql, type RawBuilder } from 'kysely';
import { fromJalali, toJalali } from '../../i18n/jalali.ts';
import { eventMeasures, isHeld, reachedMeasures, sessionMeasures } from './measures.ts';
import { eventsOfYear, sessionsOfYear, type CoverageContext } from './sources.ts';
import { talliedTrendRows } from './district-tallies.ts';

// The school year month by month (Jalali months, by the session's or event's date): the same
// measures as everywhere, added up by month instead of by place.

export interface TrendMonth {
	/** Jalali year and month (1 = Farvardin ... 7 = Mehr). */
	year: number;
	month: number;
	/** The month's first day within the school year, 'YYYY-MM-DD'. */
	firstDay: string;
	sessionsHeld: number;
	studentsReached: number;
	eventsHeld: number;
}

type Month = Pick<TrendMonth, 'year' | 'month' | 'firstDay'>;

type MonthRow = { month: number | string } & Partial<
	Record<'sessionsHeld' | 'studentsReached' | 'eventsHeld', number | string | null>
>;
/** Rows by month index: sessions held, students reached, events held. */
export interface TrendRows {
	sessions: MonthRow[];
	reached: MonthRow[];
	events: MonthRow[];
}

/** The Jalali months the span touches, in order. */
export function monthsOfSpan(startsOn: string, endsOn: string): Month[] {
	const end = toJalali(endsOn);
	let { year, month } = toJalali(startsOn);
	const months: Month[] = [];
	while (year < end.year || (year === end.year && month <= end.month)) {
		const firstDay = months.length ? fromJalali({ year, month, day: 1 })! : startsOn;
		months.push({ year, month, firstDay });
		[year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
	}
	return months;
}

/**
 * Which month of `months` a date column falls in, as its index: plain comparisons of ISO dates
 * with the months' first days, so any database runs it and no calendar lives in SQL. The dates are
 * written as literals (made here, never typed by anyone), so the expression in GROUP BY is the
 * very one selected, as PostgreSQL requires.
 */
function monthIndex(column: string, months: Month[]): RawBuilder<number> {
	if (months.length < 2) return sql<number>`0`;
	const whens = months
		.slice(1)
		.map((m, i) => sql`when ${sql.ref(column)} < ${sql.lit(m.firstDay)} then ${sql.lit(i)}`);
	return sql<number>`case ${sql.join(whens, sql` `)} else ${sql.lit(months.length - 1)} end`;
}

/** The index in `months` of the month a date falls in, as `monthIndex` decides it in SQL. */
function monthOfDate(date: string, months: Month[]): number {
	return months.slice(1).filter((m) => m.firstDay <= date).length;
}

export async function findTrend(ctx: CoverageContext): Promise<TrendMonth[]> {
	const months = monthsOfSpan(ctx.year.startsOn, ctx.year.endsOn);
	const { sessions, reached, events } = ctx.tallies
		? await talliedTrendRows(ctx, (date) => monthOfDate(date, months))
		: await liveTrendRows(ctx, months);
	const total = (rows: MonthRow[], i: number, measure: keyof MonthRow) =>
		rows.reduce((sum, r) => sum + (Number(r.month) === i ? Number(r[measure] ?? 0) : 0), 0);
	return months.map((m, i) => ({
		...m,
		sessionsHeld: total(sessions, i, 'sessionsHeld'),
		studentsReached: total(reached, i, 'studentsReached'),
		eventsHeld: total(events, i, 'eventsHeld')
	}));
}

async function liveTrendRows(ctx: CoverageContext, months: Month[]): Promise<TrendRows> {
	const session = monthIndex('bell_sessions.date', months);
	const event = monthIndex('campaign_events.date', months);
	const [sessions, reached, events] = await Promise.all([
		sessionsOfYear(ctx)
			.select((eb) => [session.as('month'), ...sessionMeasures(eb)])
			.groupBy(session)
			.execute(),
		sessionsOfYear(ctx)
			.where(isHeld)
			.innerJoin(
				'bell_session_attendance_students',
				'bell_session_attendance_students.bell_session_id',
				'bell_sessions.id'
			)
			.select((eb) => [session.as('month'), ...reachedMeasures(eb)])
			.groupBy(session)
			.execute(),
		eventsOfYear(ctx)
			.select((eb) => [event.as('month'), ...eventMeasures(eb)])
			.groupBy(event)
			.execute()
	]);
	return { sessions, reached, events };
}
