import type { DB } from '../db/connect.ts';
import type { BellSession } from '../db/schema.ts';
import { bellSessionInScope } from '../bell-sessions/scope.ts';
import {
	enrolmentWarnings,
	gradesOfSession,
	type AttendanceCounts,
	type EnrolmentWarning
} from '../../attendance/counts.ts';
import { mayRecordAttendance } from './access.ts';
import {
	recordAttendance,
	setHeld,
	type AttendanceActor,
	type AttendanceKind,
	type RecordingResult
} from './record.ts';
import { findAttendance, findEnrolments } from './repository.ts';
import { countsProblem, snapshot, studentsOf } from './rules.ts';

// Recording a bell session's attendance (see record.ts): teachers, parents and the students of
// each of the session's grades by gender, kept in bell_session_attendance and its _students.

export interface AttendanceInput extends AttendanceCounts {
	sessionId: number;
	/** The attendance's version the form was built from; 0 when none had been recorded. */
	version: number;
}

/** A recording also warns of grades with more students present than the school enrols. */
export type AttendanceResult =
	| Exclude<RecordingResult, { ok: true }>
	| (Extract<RecordingResult, { ok: true }> & { warnings: EnrolmentWarning[] });

const bellSessionAttendance: AttendanceKind<BellSession, AttendanceCounts> = {
	entityType: 'bell_session',
	find: (db, user, id) =>
		db
			.selectFrom('bell_sessions')
			.selectAll()
			.where('id', '=', id)
			.where(bellSessionInScope(db, user))
			.executeTakeFirst(),
	mayRecord: mayRecordAttendance,
	findRecorded: findAttendance,
	checked(session, counts) {
		const grades = gradesOfSession(session.grades);
		const problem = countsProblem(counts, grades);
		return problem ? { problem } : { counts: { ...counts, students: studentsOf(counts, grades) } };
	},
	snapshot,
	markHeld: (db, session, at) => setHeld(db, 'bell_sessions', session, at),
	async save(db, id, counts, over, by, at) {
		const values = { teachers: counts.teachers, parents: counts.parents, updated_at: at };
		if (over) {
			const updated = await db
				.updateTable('bell_session_attendance')
				.set({ ...values, updated_by: by, version: over + 1 })
				.where('bell_session_id', '=', id)
				.where('version', '=', over)
				.executeTakeFirst();
			if (!updated.numUpdatedRows) return false;
			await db
				.deleteFrom('bell_session_attendance_students')
				.where('bell_session_id', '=', id)
				.execute();
		} else {
			await db
				.insertInto('bell_session_attendance')
				.values({ ...values, bell_session_id: id, recorded_by: by, recorded_at: at })
				.execute();
		}
		if (counts.students.length)
			await db
				.insertInto('bell_session_attendance_students')
				.values(counts.students.map((s) => ({ ...s, bell_session_id: id })))
				.execute();
		return true;
	}
};

export async function recordBellSessionAttendance(
	db: DB,
	user: AttendanceActor,
	{ sessionId, version, ...counts }: AttendanceInput,
	now = new Date()
): Promise<AttendanceResult> {
	const result = await recordAttendance(
		db,
		user,
		bellSessionAttendance,
		{ id: sessionId, version, counts },
		now
	);
	if (!result.ok) return result;
	const { school_id } = await db
		.selectFrom('bell_sessions')
		.select('school_id')
		.where('id', '=', sessionId)
		.executeTakeFirstOrThrow();
	const enrolment = (await findEnrolments(db, [school_id])).get(school_id) ?? [];
	return { ...result, warnings: enrolmentWarnings(counts.students, enrolment) };
}
