import type { ApiUser } from '../api-tokens/repository.ts';
import { bellSessionInScope } from '../bell-sessions/scope.ts';
import type { DB } from '../db/connect.ts';
import type { SessionsQuery } from './sessions.ts';

// One page of the API's sessions: in scope, filtered, after the cursor, with head counts. The
// cursor is the last session's start and id, opaque to the reader.

export interface Cursor {
	startsAt: string;
	id: number;
}

export function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify([cursor.startsAt, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
	try {
		const [startsAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
		return typeof startsAt === 'string' && Number.isSafeInteger(id) ? { startsAt, id } : null;
	} catch {
		return null;
	}
}

export interface ApiSessionsPage {
	sessions: Record<string, unknown>[];
	/** The cursor of the next page; null on the last one. */
	next: string | null;
}

export async function findApiSessions(
	db: DB,
	user: ApiUser,
	query: SessionsQuery,
	after: Cursor | null
): Promise<ApiSessionsPage> {
	let q = db
		.selectFrom('bell_sessions')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'bell_sessions.neighborhood_id')
		.innerJoin('schools', 'schools.id', 'bell_sessions.school_id')
		.innerJoin('topics', 'topics.id', 'bell_sessions.topic_id')
		.leftJoin(
			'bell_session_attendance',
			'bell_session_attendance.bell_session_id',
			'bell_sessions.id'
		)
		.select((eb) => [
			'bell_sessions.id',
			'bell_sessions.status',
			'bell_sessions.school_year_id',
			'bell_sessions.date',
			'bell_sessions.start_time',
			'bell_sessions.duration_minutes',
			'bell_sessions.starts_at',
			'bell_sessions.ends_at',
			'bell_sessions.audience',
			'bell_sessions.grades',
			'bell_sessions.expected_headcount',
			'neighborhoods.id as neighborhood_id',
			'neighborhoods.name_fa as neighborhood_fa',
			'neighborhoods.name_en as neighborhood_en',
			'neighborhoods.area_id',
			'schools.id as school_id',
			'schools.ministry_code',
			'schools.name as school_name',
			'schools.level',
			'schools.gender',
			'topics.id as topic_id',
			'topics.code as topic_code',
			'topics.name_fa as topic_fa',
			'topics.name_en as topic_en',
			'bell_session_attendance.teachers',
			'bell_session_attendance.parents',
			eb
				.selectFrom('bell_session_attendance_students')
				.select((s) => s.fn.sum<number>('bell_session_attendance_students.students').as('n'))
				.whereRef('bell_session_attendance_students.bell_session_id', '=', 'bell_sessions.id')
				.as('students')
		])
		.where(bellSessionInScope(db, user));
	if (query.status) q = q.where('bell_sessions.status', '=', query.status);
	if (query.area) q = q.where('neighborhoods.area_id', '=', query.area);
	if (query.neighborhood) q = q.where('bell_sessions.neighborhood_id', '=', query.neighborhood);
	if (query.school) q = q.where('bell_sessions.school_id', '=', query.school);
	if (query.from) q = q.where('bell_sessions.date', '>=', query.from);
	if (query.to) q = q.where('bell_sessions.date', '<=', query.to);
	if (after)
		q = q.where((eb) =>
			eb.or([
				eb('bell_sessions.starts_at', '>', after.startsAt),
				eb.and([
					eb('bell_sessions.starts_at', '=', after.startsAt),
					eb('bell_sessions.id', '>', after.id)
				])
			])
		);
	const rows = await q
		.orderBy('bell_sessions.starts_at')
		.orderBy('bell_sessions.id')
		.limit(query.limit + 1)
		.execute();
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		sessions: page.map((r) => ({
			id: r.id,
			status: r.status,
			school_year_id: r.school_year_id,
			date: r.date,
			start_time: r.start_time,
			duration_minutes: r.duration_minutes,
			starts_at: r.starts_at,
			ends_at: r.ends_at,
			audience: r.audience,
			grades: r.grades ? r.grades.split(',').map(Number) : null,
			expected_headcount: r.expected_headcount,
			neighborhood: {
				id: r.neighborhood_id,
				name_fa: r.neighborhood_fa,
				name_en: r.neighborhood_en,
				area_id: r.area_id
			},
			school: {
				id: r.school_id,
				ministry_code: r.ministry_code,
				name: r.school_name,
				level: r.level,
				gender: r.gender
			},
			topic: { id: r.topic_id, code: r.topic_code, name_fa: r.topic_fa, name_en: r.topic_en },
			// Head counts of a held session, once recorded; never names.
			attendance:
				r.teachers === null
					? null
					: { students: Number(r.students ?? 0), teachers: r.teachers, parents: r.parents }
		})),
		next:
			rows.length > query.limit && last
				? encodeCursor({ startsAt: last.starts_at, id: last.id })
				: null
	};
}
