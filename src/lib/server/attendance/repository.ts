import type { DB } from '../db/connect.ts';
import type { AttendanceCounts, GradeEnrolment } from '../../attendance/counts.ts';
import { eventCountFields, type EventAttendanceCounts } from '../../attendance/event-counts.ts';

// Reading recorded attendance. Call only for sessions and events the user may see.

/** Who recorded the counts and when, and who changed them last. */
export interface RecordedBy {
	version: number;
	recorded_at: string;
	recorded_by_name: string | null;
	updated_at: string;
	updated_by_name: string | null;
}

export interface AttendanceRecord extends AttendanceCounts, RecordedBy {
	bell_session_id: number;
}

export interface EventAttendanceRecord extends EventAttendanceCounts, RecordedBy {
	campaign_event_id: number;
}

/** The attendance of each of the sessions that has one, by session id. */
export async function findAttendanceOfSessions(
	db: DB,
	sessionIds: readonly number[]
): Promise<Map<number, AttendanceRecord>> {
	const found = new Map<number, AttendanceRecord>();
	if (!sessionIds.length) return found;
	const [rows, students] = await Promise.all([
		db
			.selectFrom('bell_session_attendance as a')
			.leftJoin('users as recorder', 'recorder.id', 'a.recorded_by')
			.leftJoin('users as editor', 'editor.id', 'a.updated_by')
			.select([
				'a.bell_session_id',
				'a.teachers',
				'a.parents',
				'a.version',
				'a.recorded_at',
				'a.updated_at',
				'recorder.display_name as recorded_by_name',
				'editor.display_name as updated_by_name'
			])
			.where('a.bell_session_id', 'in', sessionIds)
			.execute(),
		db
			.selectFrom('bell_session_attendance_students')
			.selectAll()
			.where('bell_session_id', 'in', sessionIds)
			.orderBy('grade')
			.orderBy('gender', 'desc')
			.execute()
	]);
	for (const row of rows) found.set(row.bell_session_id, { ...row, students: [] });
	for (const { bell_session_id, ...count } of students)
		found.get(bell_session_id)?.students.push(count);
	return found;
}

export async function findAttendance(
	db: DB,
	sessionId: number
): Promise<AttendanceRecord | undefined> {
	return (await findAttendanceOfSessions(db, [sessionId])).get(sessionId);
}

/** The attendance of each of the campaign events that has one, by event id. */
export async function findAttendanceOfEvents(
	db: DB,
	eventIds: readonly number[]
): Promise<Map<number, EventAttendanceRecord>> {
	if (!eventIds.length) return new Map();
	const rows = await db
		.selectFrom('campaign_event_attendance as a')
		.leftJoin('users as recorder', 'recorder.id', 'a.recorded_by')
		.leftJoin('users as editor', 'editor.id', 'a.updated_by')
		.select(eventCountFields.map((field) => `a.${field}` as const))
		.select([
			'a.campaign_event_id',
			'a.version',
			'a.recorded_at',
			'a.updated_at',
			'recorder.display_name as recorded_by_name',
			'editor.display_name as updated_by_name'
		])
		.where('a.campaign_event_id', 'in', eventIds)
		.execute();
	return new Map(rows.map((row) => [row.campaign_event_id, row]));
}

export async function findEventAttendance(
	db: DB,
	eventId: number
): Promise<EventAttendanceRecord | undefined> {
	return (await findAttendanceOfEvents(db, [eventId])).get(eventId);
}

/** Each school's enrolment per grade, by school id. */
export async function findEnrolments(
	db: DB,
	schoolIds: readonly number[]
): Promise<Map<number, GradeEnrolment[]>> {
	const found = new Map<number, GradeEnrolment[]>();
	if (!schoolIds.length) return found;
	const rows = await db
		.selectFrom('school_enrolments')
		.select(['school_id', 'grade', 'students'])
		.where('school_id', 'in', [...new Set(schoolIds)])
		.orderBy('grade')
		.execute();
	for (const { school_id, ...grade } of rows)
		found.set(school_id, [...(found.get(school_id) ?? []), grade]);
	return found;
}
