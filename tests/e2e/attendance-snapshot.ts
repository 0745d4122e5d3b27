import SQLite from 'better-sqlite3';

// What a database file says of bell sessions' attendance, read for the backup test. The app
// writes a session's counts and their audit entry in one transaction (src/lib/server/attendance/
// record.ts): the version goes up by one with each entry, and the latest entry's `after` holds
// the counts as stored. A copy taken between the two writes breaks that, so it is checked in
// every copy.

export interface AttendanceSnapshot {
	integrity: string;
	brokenKeys: number;
	/** Each recorded session's attendance version and teachers' count. */
	sessions: Map<number, { version: number; teachers: number }>;
	/** Sessions whose counts and audit trail disagree, with what is wrong. */
	torn: string[];
}

interface Row {
	id: number;
	version: number;
	teachers: number;
	parents: number;
	updated_at: string;
	students: string | null;
	entries: number;
	last_at: string | null;
	last_after: string | null;
}

export function readAttendance(path: string): AttendanceSnapshot {
	const db = new SQLite(path, { readonly: true, fileMustExist: true });
	try {
		const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
			.map((r) => r.integrity_check)
			.join('; ');
		const brokenKeys = (db.pragma('foreign_key_check') as unknown[]).length;
		const rows = db
			.prepare(
				`with trail as (
				   select entity_id, count(*) as entries, max(id) as last_id from audit_log
				   where entity_type = 'bell_session'
				     and action in ('attendance_recorded', 'attendance_updated')
				   group by entity_id)
				 select a.bell_session_id as id, a.version, a.teachers, a.parents, a.updated_at,
				   (select json_group_object(s.gender || '_' || s.grade, s.students)
				      from bell_session_attendance_students s
				      where s.bell_session_id = a.bell_session_id) as students,
				   coalesce(t.entries, 0) as entries, l.at as last_at, l.after as last_after
				 from bell_session_attendance a
				 left join trail t on t.entity_id = a.bell_session_id
				 left join audit_log l on l.id = t.last_id
				 order by a.bell_session_id`
			)
			.all() as Row[];
		const sessions = new Map(rows.map((r) => [r.id, { version: r.version, teachers: r.teachers }]));
		return { integrity, brokenKeys, sessions, torn: rows.flatMap(tornOf) };
	} finally {
		db.close();
	}
}

function tornOf(row: Row): string[] {
	const problems: string[] = [];
	if (row.entries !== row.version)
		problems.push(`${row.entries} audit entries for version ${row.version}`);
	if (row.last_at !== row.updated_at)
		problems.push(`last entry at ${row.last_at}, counts updated at ${row.updated_at}`);
	const { status: _status, ...after } = JSON.parse(row.last_after ?? '{}');
	const stored = {
		teachers: row.teachers,
		parents: row.parents,
		...JSON.parse(row.students ?? '{}')
	};
	if (JSON.stringify(sortedKeys(after)) !== JSON.stringify(sortedKeys(stored)))
		problems.push(`last entry ${JSON.stringify(after)}, stored ${JSON.stringify(stored)}`);
	return problems.map((problem) => `session ${row.id}: ${problem}`);
}

const sortedKeys = (record: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
