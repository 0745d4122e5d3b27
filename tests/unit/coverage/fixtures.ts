import type { DB } from '../../../src/lib/server/db/connect.ts';
import type {
	BellSessionStatus,
	CampaignEventStatus,
	SchoolGender,
	SchoolLevel
} from '../../../src/lib/server/db/schema.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { findUserByEmail, findUserScope } from '../../../src/lib/server/users/repository.ts';
import { createTestDb } from '../../helpers/test-db.ts';

// A hand-built year on top of the demo district (seeded on 2026-11-26: the current school year is
// ۱۴۰۵–۱۴۰۶, from 2026-09-23). دولاب, خاوران and شاهین are paired; شهرابی is one of the three
// unpaired neighbourhoods. Every enrolment is replaced by known numbers, and the sessions, their
// attendance and feedback, and the Sunday events below are all there is, so each figure of the
// report is known in advance (see expected.ts).

export const TODAY = '2026-11-26';
const AT = '2026-11-26T08:00:00.000Z';

export interface Place {
	neighborhoodId: number;
	areaId: number;
	centerId: number;
	schoolId: number;
}

export interface CoverageWorld {
	db: DB;
	yearId: number;
	previousYearId: number;
	dowlab: Place;
	khavaran: Place;
	shahin: Place;
	/** Every session inserted, by name. */
	sessions: Record<string, number>;
}

async function placeOf(db: DB, yearId: number, nameFa: string): Promise<Place> {
	return db
		.selectFrom('pairings')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'pairings.neighborhood_id')
		.innerJoin('centers', 'centers.neighborhood_id', 'neighborhoods.id')
		.select([
			'neighborhoods.id as neighborhoodId',
			'neighborhoods.area_id as areaId',
			'centers.id as centerId',
			'pairings.school_id as schoolId'
		])
		.where('pairings.school_year_id', '=', yearId)
		.where('neighborhoods.name_fa', '=', nameFa)
		.executeTakeFirstOrThrow();
}

async function setSchool(
	db: DB,
	schoolId: number,
	level: SchoolLevel,
	gender: SchoolGender,
	enrolment: Record<number, number>
) {
	await db.updateTable('schools').set({ level, gender }).where('id', '=', schoolId).execute();
	await db
		.insertInto('school_enrolments')
		.values(
			Object.entries(enrolment).map(([grade, students]) => ({
				school_id: schoolId,
				grade: Number(grade),
				students
			}))
		)
		.execute();
}

export async function buildCoverageWorld(db: DB): Promise<CoverageWorld> {
	await seedDemoDistrict(db, TODAY);
	const years = await db.selectFrom('school_years').select(['id', 'is_current']).execute();
	const yearId = years.find((y) => y.is_current)!.id;
	const previousYearId = years.find((y) => !y.is_current)!.id;
	const dowlab = await placeOf(db, yearId, 'دولاب');
	const khavaran = await placeOf(db, yearId, 'خاوران');
	const shahin = await placeOf(db, yearId, 'شاهین');

	// Every other school is a boys' upper-secondary one without enrolment, so only the schools
	// below match the other levels and genders.
	await db.updateTable('schools').set({ level: 'upper_secondary', gender: 'boys' }).execute();
	await db.deleteFrom('school_enrolments').execute();
	await setSchool(db, dowlab.schoolId, 'lower_secondary', 'girls', { 7: 100, 8: 90, 9: 80 });
	await setSchool(db, khavaran.schoolId, 'lower_secondary', 'boys', { 7: 60, 8: 50 });
	await setSchool(db, shahin.schoolId, 'primary', 'girls', { 1: 40 });
	// دولاب's other school is not paired: its students are not the programme's to reach.
	const other = await db
		.selectFrom('schools')
		.select('id')
		.where('neighborhood_id', '=', dowlab.neighborhoodId)
		.where('id', '!=', dowlab.schoolId)
		.executeTakeFirstOrThrow();
	await setSchool(db, other.id, 'lower_secondary', 'girls', { 7: 500 });

	const topics = await db.selectFrom('topics').select(['id', 'code']).execute();
	const topicId = (code: string) => topics.find((t) => t.code === code)!.id;
	const { id: facilitatorId } = await db
		.selectFrom('facilitators')
		.select('id')
		.executeTakeFirstOrThrow();
	const users = await db.selectFrom('users').select(['id', 'email']).execute();
	const userId = (email: string) => users.find((u) => u.email === email)!.id;

	const session = async (
		place: Place,
		topic: string,
		status: BellSessionStatus,
		date: string,
		schoolYearId = yearId
	) => {
		const { id } = await db
			.insertInto('bell_sessions')
			.values({
				school_year_id: schoolYearId,
				neighborhood_id: place.neighborhoodId,
				school_id: place.schoolId,
				center_id: place.centerId,
				topic_id: topicId(topic),
				facilitator_id: facilitatorId,
				audience: 'students',
				grades: '7,8,9',
				expected_headcount: 60,
				date,
				start_time: '08:00',
				duration_minutes: 60,
				starts_at: `${date}T04:30:00.000Z`,
				ends_at: `${date}T05:30:00.000Z`,
				status,
				proposed_by: null,
				created_at: AT,
				updated_at: AT
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return id;
	};
	const attendance = async (sessionId: number, students: [number, 'girls' | 'boys', number][]) => {
		await db
			.insertInto('bell_session_attendance')
			.values({
				bell_session_id: sessionId,
				teachers: 2,
				parents: 0,
				recorded_at: AT,
				updated_at: AT
			})
			.execute();
		await db
			.insertInto('bell_session_attendance_students')
			.values(
				students.map(([grade, gender, count]) => ({
					bell_session_id: sessionId,
					grade,
					gender,
					students: count
				}))
			)
			.execute();
	};
	const staffRating = async (
		sessionId: number,
		email: string,
		ratings: [number, number, number]
	) => {
		const [relevance, facilitator, engagement] = ratings;
		await db
			.insertInto('staff_feedback')
			.values({
				bell_session_id: sessionId,
				user_id: userId(email),
				relevance,
				facilitator,
				engagement,
				created_at: AT,
				updated_at: AT
			})
			.execute();
	};
	const answers = async (sessionId: number, overall: number[]) => {
		const { id: linkId } = await db
			.insertInto('feedback_links')
			.values({ token: `coverage-link-${sessionId}`, bell_session_id: sessionId, created_at: AT })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('feedback_answers')
			.values(overall.map((o) => ({ link_id: linkId, overall: o, created_at: AT })))
			.execute();
	};

	const sessions = {
		// Mehr 1405.
		heldDowlabAddiction: await session(dowlab, 'addiction', 'held', '2026-10-13'),
		// Aban 1405.
		heldDowlabCyberspace: await session(dowlab, 'cyberspace', 'held', '2026-11-10'),
		heldKhavaranNoAttendance: await session(khavaran, 'addiction', 'held', '2026-11-17'),
		cancelledKhavaran: await session(khavaran, 'bullying', 'cancelled', '2026-12-01'),
		declinedShahin: await session(shahin, 'addiction', 'declined', '2026-12-02'),
		confirmedDowlab: await session(dowlab, 'life_skills', 'confirmed', '2026-12-08'),
		proposedShahin: await session(shahin, 'violence', 'proposed', '2026-12-09'),
		counterProposedKhavaran: await session(
			khavaran,
			'cyberspace',
			'counter_proposed',
			'2026-12-10'
		),
		// Last school year: never in this year's figures.
		heldLastYear: await session(dowlab, 'addiction', 'held', '2026-05-12', previousYearId)
	};
	await attendance(sessions.heldDowlabAddiction, [
		[7, 'girls', 30],
		[8, 'girls', 25]
	]);
	await attendance(sessions.heldDowlabCyberspace, [[9, 'girls', 40]]);
	await attendance(sessions.heldLastYear, [[7, 'girls', 1000]]);

	await staffRating(sessions.heldDowlabAddiction, 'staff@demo.test', [5, 4, 3]);
	await staffRating(sessions.heldDowlabCyberspace, 'staff@demo.test', [4, 4, 4]);
	await staffRating(sessions.heldDowlabCyberspace, 'manager@demo.test', [2, 3, 4]);
	// Feedback on a session not held (yet) is no feedback on the programme.
	await staffRating(sessions.confirmedDowlab, 'staff@demo.test', [1, 1, 1]);
	await answers(sessions.heldDowlabAddiction, [5, 4]);
	await answers(sessions.heldDowlabCyberspace, [3]);
	await answers(sessions.heldKhavaranNoAttendance, [2]);
	await answers(sessions.confirmedDowlab, [1]);
	await answers(sessions.heldLastYear, [1, 1, 1]);

	// Each event: its date, its state, and for a held one the six attendance counts if recorded.
	type Counts = [number, number, number, number, number, number];
	const campaign = async (place: Place, events: [string, CampaignEventStatus, Counts?][]) => {
		const { id } = await db
			.insertInto('campaigns')
			.values({
				center_id: place.centerId,
				school_year_id: yearId,
				title: 'پویش یکشنبه‌ها',
				topic_id: topicId('addiction'),
				audience: 'public',
				first_date: events[0]![0],
				last_date: events.at(-1)![0],
				start_time: '16:00',
				duration_minutes: 90,
				created_at: AT,
				updated_at: AT
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const rows = await db
			.insertInto('campaign_events')
			.values(
				events.map(([date, status]) => ({
					campaign_id: id,
					rule_date: date,
					date,
					start_time: '16:00',
					duration_minutes: 90,
					starts_at: `${date}T12:30:00.000Z`,
					ends_at: `${date}T14:00:00.000Z`,
					status,
					touched: status === 'scheduled' ? 0 : 1,
					cancel_reason: status === 'cancelled' ? 'باران شدید' : null,
					created_at: AT,
					updated_at: AT
				}))
			)
			.returning('id')
			.execute();
		for (const [i, [, , counts]] of events.entries()) {
			if (!counts) continue;
			const [adults_women, adults_men, youth_girls, youth_boys, children_girls, children_boys] =
				counts;
			await db
				.insertInto('campaign_event_attendance')
				.values({
					campaign_event_id: rows[i]!.id,
					adults_women,
					adults_men,
					youth_girls,
					youth_boys,
					children_girls,
					children_boys,
					recorded_at: AT,
					updated_at: AT
				})
				.execute();
		}
	};
	await campaign(dowlab, [
		// Sunday 1405-06-29: the school year before.
		['2026-09-20', 'held', [20, 20, 5, 5, 0, 0]],
		['2026-10-04', 'held', [5, 3, 2, 1, 1, 0]],
		// Held, attendance not recorded: it adds no one.
		['2026-11-01', 'held'],
		['2026-11-15', 'cancelled'],
		['2026-12-06', 'scheduled']
	]);
	await campaign(khavaran, [['2026-10-11', 'held', [20, 0, 0, 0, 0, 0]]]);
	await campaign(shahin, [['2026-10-18', 'held', [1, 1, 1, 1, 1, 2]]]);

	return { db, yearId, previousYearId, dowlab, khavaran, shahin, sessions };
}

export async function createCoverageWorld(): Promise<CoverageWorld> {
	return buildCoverageWorld(await createTestDb());
}

export async function scopedUserOf(db: DB, email: string) {
	const user = (await findUserByEmail(db, email))!;
	return { ...user, scope: await findUserScope(db, user) };
}
