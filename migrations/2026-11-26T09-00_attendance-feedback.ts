import { sql, type Kysely } from 'kysely';
import { numberedKey } from '../src/lib/server/db/dialect.ts';

// What was held, how many came and what they thought. Attendance is head counts only, never names
// of minors: one row per session (teachers, parents, who recorded it and when, a version for
// edits) and the students per grade and gender. Staff feedback is one rating per session and
// person. Participant feedback is anonymous: an answer keeps no address, cookie or account.
//
// Campaign events will carry feedback too: their migration adds a nullable campaign_event_id to
// staff_feedback and feedback_links, with a check that exactly one of the two ids is set. That is
// why bell_session_id is nullable here. Answers hang off their link, so they need no change.

const rating = (column: string) => sql.raw(`${column} between 1 and 5`);

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('bell_session_attendance')
		.addColumn('bell_session_id', 'integer', (c) =>
			c.primaryKey().references('bell_sessions.id').onDelete('cascade')
		)
		.addColumn('teachers', 'integer', (c) => c.notNull())
		.addColumn('parents', 'integer', (c) => c.notNull())
		.addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('bell_session_attendance_teachers', sql`teachers >= 0`)
		.addCheckConstraint('bell_session_attendance_parents', sql`parents >= 0`)
		.execute();

	await db.schema
		.createTable('bell_session_attendance_students')
		.addColumn('bell_session_id', 'integer', (c) =>
			c.notNull().references('bell_session_attendance.bell_session_id').onDelete('cascade')
		)
		.addColumn('grade', 'integer', (c) => c.notNull())
		.addColumn('gender', 'text', (c) => c.notNull())
		.addColumn('students', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('bell_session_attendance_students_pk', [
			'bell_session_id',
			'grade',
			'gender'
		])
		.addCheckConstraint('bell_session_attendance_students_grade', sql`grade between 1 and 12`)
		.addCheckConstraint('bell_session_attendance_students_gender', sql`gender in ('girls', 'boys')`)
		.addCheckConstraint('bell_session_attendance_students_count', sql`students >= 0`)
		.execute();

	await db.schema
		.createTable('staff_feedback')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('bell_session_id', 'integer', (c) =>
			c.references('bell_sessions.id').onDelete('cascade')
		)
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('relevance', 'integer', (c) => c.notNull())
		.addColumn('facilitator', 'integer', (c) => c.notNull())
		.addColumn('engagement', 'integer', (c) => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('staff_feedback_relevance', rating('relevance'))
		.addCheckConstraint('staff_feedback_facilitator', rating('facilitator'))
		.addCheckConstraint('staff_feedback_engagement', rating('engagement'))
		.addCheckConstraint('staff_feedback_comment', sql`length(comment) <= 1000`)
		.execute();
	await db.schema
		.createIndex('staff_feedback_session_user')
		.on('staff_feedback')
		.columns(['bell_session_id', 'user_id'])
		.unique()
		.execute();

	// The token is the public address (/f/<token>): random, so links cannot be guessed in turn.
	await db.schema
		.createTable('feedback_links')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('token', 'text', (c) => c.notNull().unique())
		.addColumn('bell_session_id', 'integer', (c) =>
			c.references('bell_sessions.id').onDelete('cascade')
		)
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addCheckConstraint('feedback_links_token', sql`length(token) >= 10`)
		.execute();
	await db.schema
		.createIndex('feedback_links_session')
		.on('feedback_links')
		.column('bell_session_id')
		.unique()
		.execute();

	await db.schema
		.createTable('feedback_answers')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('link_id', 'integer', (c) =>
			c.notNull().references('feedback_links.id').onDelete('cascade')
		)
		.addColumn('overall', 'integer', (c) => c.notNull())
		.addColumn('learned', 'text')
		.addColumn('would_recommend', 'integer')
		.addColumn('comment', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addCheckConstraint('feedback_answers_overall', rating('overall'))
		.addCheckConstraint('feedback_answers_learned', sql`learned in ('yes', 'partly', 'no')`)
		.addCheckConstraint('feedback_answers_recommend', sql`would_recommend in (0, 1)`)
		.addCheckConstraint('feedback_answers_comment', sql`length(comment) <= 500`)
		.execute();
	await db.schema
		.createIndex('feedback_answers_link')
		.on('feedback_answers')
		.column('link_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'feedback_answers',
		'feedback_links',
		'staff_feedback',
		'bell_session_attendance_students',
		'bell_session_attendance'
	])
		await db.schema.dropTable(table).execute();
}
