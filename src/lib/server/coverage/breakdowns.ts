import { allGrades } from '../../schools/levels.ts';
import type { StudentGender } from '../db/schema.ts';
import { enrolledMeasures, isHeld, reachedMeasures, sessionMeasures } from './measures.ts';
import { pairingsOfYear, sessionsOfYear, type CoverageContext } from './sources.ts';
import type { Place } from './places.ts';
import { talliedGradeRows } from './district-tallies.ts';

// The same measures split another way: students by grade and gender, held sessions by
// neighbourhood and topic.

export interface GradeRow {
	grade: number;
	reached: Record<StudentGender, number>;
	enrolled: Record<StudentGender, number>;
}

/** Grades with anyone enrolled or reached, in order. */
export async function findStudentsByGrade(ctx: CoverageContext): Promise<GradeRow[]> {
	const { reached, enrolled } = ctx.tallies
		? await talliedGradeRows(ctx)
		: await liveGradeRows(ctx);
	const rows = allGrades.map((grade) => ({
		grade,
		reached: { girls: 0, boys: 0 },
		enrolled: { girls: 0, boys: 0 }
	}));
	for (const r of reached) rows[r.grade - 1]!.reached[r.gender] = Number(r.studentsReached ?? 0);
	for (const e of enrolled) rows[e.grade - 1]!.enrolled[e.gender] = Number(e.studentsEnrolled ?? 0);
	return rows.filter((r) => r.reached.girls + r.reached.boys + r.enrolled.girls + r.enrolled.boys);
}

async function liveGradeRows(ctx: CoverageContext) {
	const [reached, enrolled] = await Promise.all([
		sessionsOfYear(ctx)
			.where(isHeld)
			.innerJoin(
				'bell_session_attendance_students',
				'bell_session_attendance_students.bell_session_id',
				'bell_sessions.id'
			)
			.select((eb) => [
				'bell_session_attendance_students.grade',
				'bell_session_attendance_students.gender',
				...reachedMeasures(eb)
			])
			.groupBy([
				'bell_session_attendance_students.grade',
				'bell_session_attendance_students.gender'
			])
			.execute(),
		pairingsOfYear(ctx)
			.innerJoin('schools', 'schools.id', 'pairings.school_id')
			.innerJoin('school_enrolments', 'school_enrolments.school_id', 'pairings.school_id')
			.select((eb) => ['school_enrolments.grade', 'schools.gender', enrolledMeasures(eb)])
			.groupBy(['school_enrolments.grade', 'schools.gender'])
			.execute()
	]);
	return { reached, enrolled };
}

export interface TopicMatrix {
	topics: (Place & { code: string })[];
	rows: { neighborhood: Place; held: number[] }[];
}

/**
 * Held sessions per neighbourhood and topic. Its columns are the active topics and any other
 * topic held this year; its rows the neighbourhoods given, unpaired ones too: an empty row is a gap.
 */
export async function findTopicMatrix(
	ctx: CoverageContext,
	neighborhoods: Place[]
): Promise<TopicMatrix> {
	const cells = await sessionsOfYear(ctx)
		.select((eb) => [
			'bell_sessions.neighborhood_id',
			'bell_sessions.topic_id',
			...sessionMeasures(eb)
		])
		.groupBy(['bell_sessions.neighborhood_id', 'bell_sessions.topic_id'])
		.execute();
	// Each topic once: a country has more cells than SQLite takes parameters.
	const heldTopicIds = [
		...new Set(cells.filter((c) => Number(c.sessionsHeld)).map((c) => c.topic_id))
	];
	const topics = await ctx.db
		.selectFrom('topics')
		.select(['id', 'code', 'name_fa', 'name_en'])
		.where((eb) =>
			eb.or([eb('active', '=', 1), eb('id', 'in', heldTopicIds.length ? heldTopicIds : [-1])])
		)
		.orderBy('id')
		.execute();
	const heldIn = new Map(
		cells.map((c) => [`${c.neighborhood_id}:${c.topic_id}`, Number(c.sessionsHeld ?? 0)])
	);
	return {
		topics,
		rows: neighborhoods.map((n) => ({
			neighborhood: { id: n.id, name_fa: n.name_fa, name_en: n.name_en },
			held: topics.map((t) => heldIn.get(`${n.id}:${t.id}`) ?? 0)
		}))
	};
}
