import fc from 'fast-check';
import { sql, type ControlledTransaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import type { Database } from '../../../src/lib/server/db/schema.ts';
import { loadWithoutTallyTriggers } from '../../../src/lib/server/coverage/bulk-load.ts';
import { findStudentsByGrade } from '../../../src/lib/server/coverage/breakdowns.ts';
import { talliesAnswer } from '../../../src/lib/server/coverage/district-tallies.ts';
import { findFigures } from '../../../src/lib/server/coverage/figures.ts';
import type { CoverageContext } from '../../../src/lib/server/coverage/sources.ts';
import { findTrend } from '../../../src/lib/server/coverage/trend.ts';
import { insertDistrictWithArea } from '../../helpers/districts.ts';
import { useFuzzSeed } from '../../helpers/fuzz-seed.ts';
import { schemaOf } from '../../helpers/schema.ts';
import { keptAndRecomputed } from '../../helpers/tallies.ts';
import { createCoverageWorld, scopedUserOf } from './fixtures.ts';

// The district tallies are kept by triggers. After any sequence of writes, of any kind the
// database allows, every tally equals the sum of its parts recomputed from the live rows, and the
// report read from the tallies equals the report added up from the rows. fast-check prints the
// seed of a failing run; FUZZ_SEED=<seed> replays it.

useFuzzSeed();

/** The n-th row's id of a table (ids as they are now), or null when it is empty. */
const nth = (table: string, n: number, id = 'id') =>
	`(select ${id} from ${table} order by ${id} limit 1 offset ${n} % (select case when count(*) > 0 then count(*) else 1 end from ${table}))`;

const day = (offset: number) =>
	`'${new Date(Date.UTC(2026, 8, 23 + offset)).toISOString().slice(0, 10)}'`;
const statuses = ['proposed', 'counter_proposed', 'confirmed', 'held', 'declined', 'cancelled'];

/** Writes of every kind the tallies follow; a write the database refuses changes nothing. */
const writes = {
	sessionStatus: (n: number, s: number) =>
		`update bell_sessions set status = '${statuses[s % 6]}' where id = ${nth('bell_sessions', n)}`,
	sessionDate: (n: number, d: number) =>
		`update bell_sessions set date = ${day(d)} where id = ${nth('bell_sessions', n)}`,
	sessionSchool: (n: number, m: number) =>
		`update bell_sessions set school_id = ${nth('schools', m)} where id = ${nth('bell_sessions', n)}`,
	sessionNeighborhood: (n: number, m: number) =>
		`update bell_sessions set neighborhood_id = ${nth('neighborhoods', m)} where id = ${nth('bell_sessions', n)}`,
	newSession: (n: number, s: number, d: number) =>
		`insert into bell_sessions (school_year_id, neighborhood_id, school_id, center_id, topic_id,
			facilitator_id, audience, grades, expected_headcount, date, start_time, duration_minutes,
			starts_at, ends_at, status, created_at, updated_at)
		select school_year_id, neighborhood_id, school_id, center_id, topic_id, facilitator_id,
			audience, grades, expected_headcount, ${day(d)}, start_time, duration_minutes, starts_at,
			ends_at, '${statuses[s % 6]}', created_at, updated_at
		from bell_sessions where id = ${nth('bell_sessions', n)}`,
	deleteSession: (n: number) => `delete from bell_sessions where id = ${nth('bell_sessions', n)}`,
	attendance: (n: number, grade: number, girls: boolean, students: number) => [
		`insert into bell_session_attendance (bell_session_id, teachers, parents, recorded_at, updated_at)
		values (${nth('bell_sessions', n)}, 1, 0, 'x', 'x') on conflict do nothing`,
		`insert into bell_session_attendance_students (bell_session_id, grade, gender, students)
		values (${nth('bell_sessions', n)}, ${grade}, '${girls ? 'girls' : 'boys'}', ${students})
		on conflict (bell_session_id, grade, gender) do update set students = excluded.students`
	],
	// Several rows in one statement: PostgreSQL runs their AFTER triggers at its end.
	attendanceOfGrades: (n: number, students: number) => [
		`insert into bell_session_attendance (bell_session_id, teachers, parents, recorded_at, updated_at)
		values (${nth('bell_sessions', n)}, 1, 0, 'x', 'x') on conflict do nothing`,
		`insert into bell_session_attendance_students (bell_session_id, grade, gender, students)
		values (${nth('bell_sessions', n)}, 7, 'girls', ${students}), (${nth('bell_sessions', n)}, 7, 'boys', 3),
			(${nth('bell_sessions', n)}, 8, 'girls', ${students + 1})
		on conflict (bell_session_id, grade, gender) do update set students = excluded.students`
	],
	schoolSessionsStatus: (n: number, s: number) =>
		`update bell_sessions set status = '${statuses[s % 6]}' where school_id = ${nth('schools', n)}`,
	schoolEnrolments: (n: number, students: number) =>
		`insert into school_enrolments (school_id, grade, students)
		values (${nth('schools', n)}, 1, ${students}), (${nth('schools', n)}, 2, ${students + 2})
		on conflict (school_id, grade) do update set students = excluded.students`,
	deleteSchoolEnrolments: (n: number) =>
		`delete from school_enrolments where school_id = ${nth('schools', n)}`,
	deleteAttendance: (n: number) =>
		`delete from bell_session_attendance where bell_session_id = ${nth('bell_session_attendance', n, 'bell_session_id')}`,
	staffFeedback: (n: number, rating: number) =>
		`insert into staff_feedback (bell_session_id, user_id, relevance, facilitator, engagement, created_at, updated_at)
		values (${nth('bell_sessions', n)}, ${nth('users', n)}, ${rating}, 3, ${6 - rating}, 'x', 'x')
		on conflict (bell_session_id, user_id) do update set relevance = excluded.relevance`,
	deleteStaffFeedback: (n: number) =>
		`delete from staff_feedback where id = ${nth('staff_feedback', n)}`,
	answer: (n: number, overall: number) => [
		`insert into feedback_links (token, bell_session_id, created_at)
		values ('feedback-token-' || ${nth('bell_sessions', n)}, ${nth('bell_sessions', n)}, 'x') on conflict do nothing`,
		`insert into feedback_answers (link_id, overall, created_at)
		values ((select id from feedback_links where bell_session_id = ${nth('bell_sessions', n)}), ${overall}, 'x')`
	],
	changeAnswer: (n: number, overall: number) =>
		`update feedback_answers set overall = ${overall} where id = ${nth('feedback_answers', n)}`,
	deleteLink: (n: number) => `delete from feedback_links where id = ${nth('feedback_links', n)}`,
	schoolKind: (n: number, level: number, girls: boolean) =>
		`update schools set level = '${['primary', 'lower_secondary', 'upper_secondary'][level % 3]}',
		gender = '${girls ? 'girls' : 'boys'}' where id = ${nth('schools', n)}`,
	enrolment: (n: number, grade: number, students: number) =>
		`insert into school_enrolments (school_id, grade, students) values (${nth('schools', n)}, ${grade}, ${students})
		on conflict (school_id, grade) do update set students = excluded.students`,
	deleteEnrolment: (n: number) =>
		`delete from school_enrolments where (school_id, grade) = (select school_id, grade from school_enrolments
		order by school_id, grade limit 1 offset ${n} % (select case when count(*) > 0 then count(*) else 1 end from school_enrolments))`,
	pairingSchool: (n: number, m: number) =>
		`update pairings set school_id = ${nth('schools', m)} where id = ${nth('pairings', n)}`,
	newPairing: (n: number, m: number) =>
		`insert into pairings (school_year_id, neighborhood_id, school_id, created_at)
		values ((select max(id) from school_years), ${nth('neighborhoods', n)}, ${nth('schools', m)}, 'x')
		on conflict do nothing`,
	deletePairing: (n: number) => `delete from pairings where id = ${nth('pairings', n)}`,
	eventStatus: (n: number, s: number) => {
		const status = ['scheduled', 'held', 'cancelled'][s % 3];
		const reason = status === 'cancelled' ? `'rain'` : 'null';
		return `update campaign_events set status = '${status}', cancel_reason = ${reason}, needs_attention = 0,
			attention_closure_id = null where id = ${nth('campaign_events', n)}`;
	},
	eventDate: (n: number, d: number) =>
		`update campaign_events set date = ${day(d)} where id = ${nth('campaign_events', n)}`,
	eventAttendance: (n: number, people: number) =>
		`insert into campaign_event_attendance (campaign_event_id, adults_women, adults_men, youth_girls,
			youth_boys, children_girls, children_boys, recorded_at, updated_at)
		values (${nth('campaign_events', n)}, ${people}, 1, 0, 0, 2, 0, 'x', 'x')
		on conflict (campaign_event_id) do update set adults_women = excluded.adults_women`,
	newEvent: (n: number, d: number) =>
		`insert into campaign_events (campaign_id, rule_date, date, start_time, duration_minutes,
			starts_at, ends_at, status, created_at, updated_at)
		select campaign_id, ${day(d)}, ${day(d)}, start_time, duration_minutes, starts_at, ends_at,
			'scheduled', created_at, updated_at
		from campaign_events where id = ${nth('campaign_events', n)} on conflict do nothing`,
	deleteEvent: (n: number) => `delete from campaign_events where id = ${nth('campaign_events', n)}`,
	campaignCenter: (n: number, m: number) =>
		`update campaigns set center_id = ${nth('centers', m)} where id = ${nth('campaigns', n)}`,
	centerNeighborhood: (n: number, m: number) =>
		`update centers set neighborhood_id = ${nth('neighborhoods', m)} where id = ${nth('centers', n)}`,
	neighborhoodArea: (n: number, m: number) =>
		`update neighborhoods set area_id = ${nth('areas', m)} where id = ${nth('neighborhoods', n)}`,
	areaDistrict: (n: number, m: number) =>
		`update areas set district_id = ${nth('districts', m)} where id = ${nth('areas', n)}`
};

const i = fc.nat(40);
const write = fc.oneof(
	fc.tuple(i, fc.nat(5)).map(([n, s]) => writes.sessionStatus(n, s)),
	fc.tuple(i, fc.nat(280)).map(([n, d]) => writes.sessionDate(n, d)),
	fc.tuple(i, i).map(([n, m]) => writes.sessionSchool(n, m)),
	fc.tuple(i, i).map(([n, m]) => writes.sessionNeighborhood(n, m)),
	fc.tuple(i, fc.nat(5), fc.nat(280)).map(([n, s, d]) => writes.newSession(n, s, d)),
	i.map(writes.deleteSession),
	fc
		.tuple(i, fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.nat(60))
		.map(([n, g, girls, s]) => writes.attendance(n, g, girls, s)),
	i.map(writes.deleteAttendance),
	fc.tuple(i, fc.nat(60)).map(([n, s]) => writes.attendanceOfGrades(n, s)),
	fc.tuple(i, fc.nat(5)).map(([n, s]) => writes.schoolSessionsStatus(n, s)),
	fc.tuple(i, fc.nat(200)).map(([n, s]) => writes.schoolEnrolments(n, s)),
	i.map(writes.deleteSchoolEnrolments),
	fc.tuple(i, fc.integer({ min: 1, max: 5 })).map(([n, r]) => writes.staffFeedback(n, r)),
	i.map(writes.deleteStaffFeedback),
	fc.tuple(i, fc.integer({ min: 1, max: 5 })).map(([n, r]) => writes.answer(n, r)),
	fc.tuple(i, fc.integer({ min: 1, max: 5 })).map(([n, r]) => writes.changeAnswer(n, r)),
	i.map(writes.deleteLink),
	fc.tuple(i, fc.nat(2), fc.boolean()).map(([n, l, g]) => writes.schoolKind(n, l, g)),
	fc
		.tuple(i, fc.integer({ min: 1, max: 12 }), fc.nat(200))
		.map(([n, g, s]) => writes.enrolment(n, g, s)),
	i.map(writes.deleteEnrolment),
	fc.tuple(i, i).map(([n, m]) => writes.pairingSchool(n, m)),
	fc.tuple(i, i).map(([n, m]) => writes.newPairing(n, m)),
	i.map(writes.deletePairing),
	fc.tuple(i, fc.nat(2)).map(([n, s]) => writes.eventStatus(n, s)),
	fc.tuple(i, fc.nat(280)).map(([n, d]) => writes.eventDate(n, d)),
	fc.tuple(i, fc.nat(50)).map(([n, p]) => writes.eventAttendance(n, p)),
	fc.tuple(i, fc.nat(280)).map(([n, d]) => writes.newEvent(n, d)),
	i.map(writes.deleteEvent),
	fc.tuple(i, i).map(([n, m]) => writes.campaignCenter(n, m)),
	fc.tuple(i, i).map(([n, m]) => writes.centerNeighborhood(n, m)),
	fc.tuple(i, i).map(([n, m]) => writes.neighborhoodArea(n, m)),
	fc.tuple(i, i).map(([n, m]) => writes.areaDistrict(n, m))
);

/** The hand-built year, and a second district with an area to move things to. */
async function worldOfTwoDistricts() {
	const world = await createCoverageWorld();
	const { districtId } = await insertDistrictWithArea(world.db, { fa: 'دوم', en: 'Second' });
	return { ...world, secondDistrictId: districtId };
}

/** Runs the statements of one write under a savepoint; a refused write (a check, a key) is undone. */
async function apply(trx: ControlledTransaction<Database>, statements: string | string[]) {
	const write = await trx.savepoint('write').execute();
	try {
		for (const statement of [statements].flat()) await sql.raw(statement).execute(write);
		await write.releaseSavepoint('write').execute();
	} catch (error) {
		await write.rollbackToSavepoint('write').execute();
		if (!/constraint|NOT NULL/i.test((error as Error).message)) throw error;
	}
}

/**
 * Each run of a property on one world, in a transaction rolled back at its end: the next run
 * finds the world as it was built, without building it again.
 */
async function runsOn<T extends { db: DB }>(world: T, run: (trx: DB) => Promise<void>) {
	const trx = await world.db.startTransaction().execute();
	try {
		await run(trx);
	} finally {
		await trx.rollback().execute();
	}
}

describe('the district tallies', () => {
	let world: Awaited<ReturnType<typeof worldOfTwoDistricts>>;
	beforeAll(async () => {
		world = await worldOfTwoDistricts();
	});
	afterAll(async () => world.db.destroy());

	it('equal their parts recomputed from the rows, after any sequence of writes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 25 }), (sequence) =>
				runsOn(world, async (trx) => {
					for (const statements of sequence)
						await apply(trx as ControlledTransaction<Database>, statements);
					const { kept, recomputed } = await keptAndRecomputed(trx);
					expect(kept).toEqual(recomputed);
				})
			),
			{ numRuns: 25 }
		);
	}, 60_000);

	it('give the report the rows give, for every level and gender, after any sequence of writes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(write, { maxLength: 25 }), (sequence) =>
				runsOn(world, async (db) => {
					for (const statements of sequence)
						await apply(db as ControlledTransaction<Database>, statements);
					const liaison = await scopedUserOf(db, 'liaison@demo.test');
					// A reader of both districts, so that moves between them show.
					const user = {
						...liaison,
						scope: {
							...liaison.scope,
							districtIds: [...liaison.scope.districtIds, world.secondDistrictId]
						}
					};
					const year = await db
						.selectFrom('school_years')
						.select(['starts_on', 'ends_on'])
						.where('id', '=', world.yearId)
						.executeTakeFirstOrThrow();
					for (const [districtId, level, gender] of [
						[undefined, undefined, undefined],
						[undefined, 'lower_secondary', 'girls'],
						[undefined, 'primary', undefined],
						[world.secondDistrictId, undefined, 'boys']
					] as const) {
						const context = (tallies: boolean): CoverageContext => ({
							db,
							user,
							filter: { schoolYearId: world.yearId, districtId, level, gender },
							year: { startsOn: year.starts_on, endsOn: year.ends_on },
							tallies
						});
						expect(talliesAnswer(context(true))).toBe(true);
						for (const read of [
							(ctx: CoverageContext) => findFigures(ctx, 'district'),
							findTrend,
							findStudentsByGrade
						])
							expect(await read(context(true))).toEqual(await read(context(false)));
					}
				})
			),
			{ numRuns: 15 }
		);
	}, 60_000);

	it('answer district-wide readers only, and only above an area', async () => {
		const world = await createCoverageWorld();
		const filter = { schoolYearId: world.yearId };
		for (const [email, answers] of [
			['liaison@demo.test', true],
			['admin@demo.test', true],
			['manager@demo.test', false],
			['staff@demo.test', false]
		] as const) {
			const user = await scopedUserOf(world.db, email);
			expect(talliesAnswer({ user, filter })).toBe(answers);
			expect(talliesAnswer({ user, filter: { ...filter, areaId: world.dowlab.areaId } })).toBe(
				false
			);
			expect(
				talliesAnswer({ user, filter: { ...filter, neighborhoodId: world.dowlab.neighborhoodId } })
			).toBe(false);
		}
		await world.db.destroy();
	});

	it('are recounted after a bulk load that ran without their triggers, which come back as they were', async () => {
		const { db } = await createCoverageWorld();
		try {
			const triggers = async () =>
				(await schemaOf(db)).filter((line) => /^(trigger|function) /.test(line));
			const tally = (reader: DB = db) =>
				reader
					.selectFrom('coverage_session_tallies')
					.selectAll()
					.orderBy(['school_year_id', 'district_id', 'level', 'gender', 'month_start'])
					.execute();
			const before = await tally();
			const definitions = await triggers();
			expect(definitions.length).toBeGreaterThan(10);
			await loadWithoutTallyTriggers(db, async (trx) => {
				for (const statement of [
					writes.newSession(0, 3, 30),
					writes.attendance(0, 7, true, 25),
					writes.sessionStatus(1, 5),
					writes.answer(2, 4)
				].flat())
					await sql.raw(statement).execute(trx);
				expect(await tally(trx)).toEqual(before);
			});
			expect(await triggers()).toEqual(definitions);
			expect(await tally()).not.toEqual(before);
			const { kept, recomputed } = await keptAndRecomputed(db);
			expect(kept).toEqual(recomputed);
		} finally {
			await db.destroy();
		}
	});
});
