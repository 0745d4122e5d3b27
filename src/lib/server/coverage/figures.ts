import {
	answerMeasures,
	averageOf,
	eventMeasures,
	isHeld,
	measureKeys,
	neighborhoodMeasures,
	pairingMeasures,
	reachedMeasures,
	sessionMeasures,
	staffFeedbackMeasures,
	topicsCoveredMeasure,
	type CoverageFigures,
	type MeasureKey
} from './measures.ts';
import {
	eventsOfYear,
	heldAtPairedSchool,
	keyOf,
	neighborhoodsOfYear,
	pairingsOfYear,
	sessionsOfYear,
	type CoverageContext,
	type Grouping
} from './sources.ts';
import { talliedFigureQueries } from './district-tallies.ts';

// The figures of every place at one level (or of everything), one aggregate query a source. A
// place with nothing to count gets zeros from whoever asks for it.

type Tally = Record<MeasureKey | 'staffRatingSum' | 'answerRatingSum', number>;
type TallyRow = { key: number } & Partial<Record<keyof Tally, number | string | null>>;

/** Measures that belong to a neighbourhood's centre, not to a school: blank for a school. */
const notForSchools: readonly MeasureKey[] = [
	'neighborhoodsPaired',
	'neighborhoodsTotal',
	'eventsPlanned',
	'eventsHeld',
	'eventsCancelled',
	'eventAttendance'
];

function queries(ctx: CoverageContext, grouping: Grouping): Promise<TallyRow[]>[] {
	if (grouping === 'district' && ctx.tallies) return talliedFigureQueries(ctx);
	const grouped = grouping !== 'all';
	const session = keyOf(grouping, 'bell_sessions.school_id');
	const held = sessionsOfYear(ctx).where(isHeld);
	const pairing = keyOf(grouping, 'pairings.school_id');
	const list = [
		pairingsOfYear(ctx)
			.select((eb) => [pairing.as('key'), ...pairingMeasures(eb, heldAtPairedSchool(ctx)(eb))])
			.$if(grouped, (qb) => qb.groupBy(pairing))
			.execute(),
		sessionsOfYear(ctx)
			.select((eb) => [session.as('key'), ...sessionMeasures(eb)])
			.$if(grouped, (qb) => qb.groupBy(session))
			.execute(),
		held
			.innerJoin(
				'bell_session_attendance_students',
				'bell_session_attendance_students.bell_session_id',
				'bell_sessions.id'
			)
			.select((eb) => [session.as('key'), ...reachedMeasures(eb)])
			.$if(grouped, (qb) => qb.groupBy(session))
			.execute(),
		held
			.innerJoin('staff_feedback', 'staff_feedback.bell_session_id', 'bell_sessions.id')
			.select((eb) => [session.as('key'), ...staffFeedbackMeasures(eb)])
			.$if(grouped, (qb) => qb.groupBy(session))
			.execute(),
		held
			.innerJoin('feedback_links', 'feedback_links.bell_session_id', 'bell_sessions.id')
			.innerJoin('feedback_answers', 'feedback_answers.link_id', 'feedback_links.id')
			.select((eb) => [session.as('key'), ...answerMeasures(eb)])
			.$if(grouped, (qb) => qb.groupBy(session))
			.execute()
	];
	if (grouping === 'school') return list;
	const place = keyOf(grouping, '');
	return [
		...list,
		neighborhoodsOfYear(ctx)
			.select((eb) => [place.as('key'), ...neighborhoodMeasures(eb)])
			.$if(grouped, (qb) => qb.groupBy(place))
			.execute(),
		eventsOfYear(ctx)
			.select((eb) => [place.as('key'), ...eventMeasures(eb)])
			.$if(grouped, (qb) => qb.groupBy(place))
			.execute()
	];
}

function emptyTally(): Tally {
	const tally = { staffRatingSum: 0, answerRatingSum: 0 } as Tally;
	for (const key of measureKeys) tally[key] = 0;
	return tally;
}

function figuresOf(tally: Tally, grouping: Grouping): CoverageFigures {
	const { staffRatingSum, answerRatingSum, ...counts } = tally;
	const figures: CoverageFigures = {
		...counts,
		staffRating: averageOf(staffRatingSum, 3 * tally.staffRatings),
		answerRating: averageOf(answerRatingSum, tally.answers)
	};
	if (grouping === 'school') for (const key of notForSchools) figures[key] = null;
	return figures;
}

async function findTallies(ctx: CoverageContext, grouping: Grouping): Promise<Map<number, Tally>> {
	const tallies = new Map<number, Tally>();
	for (const rows of await Promise.all(queries(ctx, grouping))) {
		for (const { key, ...values } of rows) {
			const tally = tallies.get(Number(key)) ?? emptyTally();
			for (const [name, value] of Object.entries(values))
				tally[name as keyof Tally] = Number(value ?? 0);
			tallies.set(Number(key), tally);
		}
	}
	return tallies;
}

/**
 * The figures by place id at the level, places without any row absent, and the figures of
 * everything. Districts, areas and neighbourhoods divide everything between them (every session,
 * pairing and event lies in exactly one), so there the whole is the sum of its places, and the
 * database adds everything up once, not twice. Schools do not hold the centres' measures: for
 * them, everything is counted on its own.
 */
export async function findFigures(
	ctx: CoverageContext,
	grouping: Exclude<Grouping, 'all'>
): Promise<{ byPlace: Map<number, CoverageFigures>; all: CoverageFigures }> {
	const [tallies, allTallies] = await Promise.all([
		findTallies(ctx, grouping),
		grouping === 'school' ? findTallies(ctx, 'all') : null
	]);
	const all = allTallies?.get(0) ?? sumOf([...tallies.values()]);
	return {
		byPlace: new Map([...tallies].map(([key, tally]) => [key, figuresOf(tally, grouping)])),
		all: figuresOf(all, 'all')
	};
}

function sumOf(tallies: Tally[]): Tally {
	const sum = emptyTally();
	for (const tally of tallies)
		for (const name of Object.keys(sum) as (keyof Tally)[]) sum[name] += tally[name];
	return sum;
}

/** The figures of a place that had nothing at all to count. */
export function noFigures(grouping: Grouping): CoverageFigures {
	return figuresOf(emptyTally(), grouping);
}

/** Topics with a held session, by place id at the level; places without one absent. */
export async function findTopicsCovered(
	ctx: CoverageContext,
	grouping: Exclude<Grouping, 'all' | 'school'>
): Promise<Map<number, number>> {
	const place = keyOf(grouping, '');
	const rows = await sessionsOfYear(ctx)
		.where(isHeld)
		.select((eb) => [place.as('key'), topicsCoveredMeasure(eb)])
		.groupBy(place)
		.execute();
	return new Map(rows.map((r) => [Number(r.key), Number(r.topicsCovered)]));
}
