import { sql, type Kysely } from 'kysely';
import {
	clockTimeCheck,
	isoDateCheck,
	matchesGlob,
	numberedKey
} from '../src/lib/server/db/dialect.ts';

// Bell sessions: one session of the prevention programme at a school, proposed by the paired
// neighbourhood's centre. The local date and time are kept as typed; starts_at/ends_at are the
// same moments as UTC instants, used for the overlap checks. For students, `grades` lists the
// grades as comma-separated numbers ('7,8,9'); it is null for parents and teachers.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('bell_sessions')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_years.id'))
		.addColumn('neighborhood_id', 'integer', (c) => c.notNull().references('neighborhoods.id'))
		.addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
		.addColumn('center_id', 'integer', (c) => c.notNull().references('centers.id'))
		.addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
		.addColumn('facilitator_id', 'integer', (c) => c.notNull().references('facilitators.id'))
		.addColumn('audience', 'text', (c) => c.notNull())
		.addColumn('grades', 'text')
		.addColumn('expected_headcount', 'integer', (c) => c.notNull())
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('start_time', 'text', (c) => c.notNull())
		.addColumn('duration_minutes', 'integer', (c) => c.notNull())
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('location', 'text')
		.addColumn('note', 'text')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed'))
		.addColumn('proposed_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'bell_sessions_status',
			sql`status in ('proposed', 'counter_proposed', 'confirmed', 'held', 'declined', 'cancelled')`
		)
		.addCheckConstraint(
			'bell_sessions_audience',
			sql`audience in ('students', 'parents', 'teachers')`
		)
		.addCheckConstraint(
			'bell_sessions_grades',
			sql`(audience = 'students') = (grades is not null and ${matchesGlob(db, 'grades', '[0-9]*')})`
		)
		.addCheckConstraint('bell_sessions_headcount', sql`expected_headcount > 0`)
		.addCheckConstraint('bell_sessions_date', isoDateCheck(db, 'date'))
		.addCheckConstraint('bell_sessions_start_time', clockTimeCheck(db, 'start_time'))
		.addCheckConstraint('bell_sessions_duration', sql`duration_minutes between 1 and 1440`)
		.addCheckConstraint('bell_sessions_order', sql`starts_at < ends_at`)
		.execute();
	await db.schema
		.createIndex('bell_sessions_school_starts')
		.on('bell_sessions')
		.columns(['school_id', 'starts_at'])
		.execute();
	await db.schema
		.createIndex('bell_sessions_facilitator_starts')
		.on('bell_sessions')
		.columns(['facilitator_id', 'starts_at'])
		.execute();
	await db.schema
		.createIndex('bell_sessions_by_status')
		.on('bell_sessions')
		.column('status')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('bell_sessions').execute();
}
