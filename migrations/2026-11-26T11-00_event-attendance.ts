import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { engineOf, numberedKey, rebuildWithForeignKeysOff } from '../src/lib/server/db/dialect.ts';

// Campaign events carry attendance and feedback like bell sessions. Attendance is head counts
// only: adults (women, men), youth (girls, boys) and children (girls, boys), one row per event.
// Staff feedback and public feedback links name exactly one subject: a session or an event.
//
// SQLite cannot add a CHECK constraint in place, so there staff_feedback and feedback_links are
// rebuilt and their rows copied. feedback_answers refers to feedback_links with ON DELETE CASCADE:
// dropping the old feedback_links with foreign keys on would delete every answer, so foreign
// keys are off during the rebuild (SQLite's own procedure for schema changes, in the dialect
// helper) and checked before commit. PostgreSQL adds the column and the check in place.

const counts = [
	'adults_women',
	'adults_men',
	'youth_girls',
	'youth_boys',
	'children_girls',
	'children_boys'
];

const rating = (column: string) => sql.raw(`${column} between 1 and 5`);
const subjectCheck = sql`(bell_session_id is null) <> (campaign_event_id is null)`;

/** The columns naming the subject: a session, and with events an event too, exactly one set. */
function withSubject(table: CreateTableBuilder<any, any>, name: string, withEvents: boolean) {
	const sessions = table.addColumn('bell_session_id', 'integer', (c) =>
		c.references('bell_sessions.id').onDelete('cascade')
	);
	if (!withEvents) return sessions;
	return sessions
		.addColumn('campaign_event_id', 'integer', (c) =>
			c.references('campaign_events.id').onDelete('cascade')
		)
		.addCheckConstraint(`${name}_subject`, subjectCheck);
}

async function createStaffFeedback(db: Kysely<any>, withEvents: boolean) {
	const table = db.schema
		.createTable('staff_feedback_next')
		.addColumn('id', 'integer', numberedKey(db));
	await withSubject(table, 'staff_feedback', withEvents)
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
}

async function createFeedbackLinks(db: Kysely<any>, withEvents: boolean) {
	const table = db.schema
		.createTable('feedback_links_next')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('token', 'text', (c) => c.notNull().unique());
	await withSubject(table, 'feedback_links', withEvents)
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addCheckConstraint('feedback_links_token', sql`length(token) >= 10`)
		.execute();
}

async function createIndexes(db: Kysely<any>, withEvents: boolean) {
	await db.schema
		.createIndex('staff_feedback_session_user')
		.on('staff_feedback')
		.columns(['bell_session_id', 'user_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('feedback_links_session')
		.on('feedback_links')
		.column('bell_session_id')
		.unique()
		.execute();
	if (!withEvents) return;
	await db.schema
		.createIndex('staff_feedback_event_user')
		.on('staff_feedback')
		.columns(['campaign_event_id', 'user_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('feedback_links_event')
		.on('feedback_links')
		.column('campaign_event_id')
		.unique()
		.execute();
}

const staffColumns = [
	'id',
	'bell_session_id',
	'user_id',
	'relevance',
	'facilitator',
	'engagement',
	'comment',
	'created_at',
	'updated_at',
	'version'
];
const linkColumns = ['id', 'token', 'bell_session_id', 'created_at'];

/** Removes what names a campaign event: going back, the old tables name only sessions. */
async function dropEventFeedback(db: Kysely<any>): Promise<void> {
	// Answers given through an event's link go with it.
	await db
		.deleteFrom('feedback_answers')
		.where('link_id', 'in', (eb) =>
			eb.selectFrom('feedback_links').select('id').where('campaign_event_id', 'is not', null)
		)
		.execute();
	await db.deleteFrom('feedback_links').where('campaign_event_id', 'is not', null).execute();
	await db.deleteFrom('staff_feedback').where('campaign_event_id', 'is not', null).execute();
}

/** SQLite: rebuilds both tables with or without campaign events, copying the rows that fit. */
async function rebuild(db: Kysely<any>, withEvents: boolean): Promise<void> {
	await rebuildWithForeignKeysOff(db, async (trx) => {
		if (!withEvents) await dropEventFeedback(trx);
		await createStaffFeedback(trx, withEvents);
		await createFeedbackLinks(trx, withEvents);
		for (const [table, columns] of [
			['staff_feedback', staffColumns],
			['feedback_links', linkColumns]
		] as const) {
			// The columns both shapes have; campaign_event_id is new (up) or goes (down).
			await trx
				.insertInto(`${table}_next`)
				.columns(columns)
				.expression(trx.selectFrom(table).select(columns))
				.execute();
			await trx.schema.dropTable(table).execute();
			await trx.schema.alterTable(`${table}_next`).renameTo(table).execute();
		}
		await createIndexes(trx, withEvents);
	});
}

/** PostgreSQL: the subject column, its check and its indexes added or dropped in place. */
async function alter(db: Kysely<any>, withEvents: boolean): Promise<void> {
	const tables = ['staff_feedback', 'feedback_links'];
	if (withEvents) {
		for (const table of tables) {
			await db.schema
				.alterTable(table)
				.addColumn('campaign_event_id', 'integer', (c) =>
					c.references('campaign_events.id').onDelete('cascade')
				)
				.execute();
			await db.schema
				.alterTable(table)
				.addCheckConstraint(`${table}_subject`, subjectCheck)
				.execute();
		}
		await db.schema
			.createIndex('staff_feedback_event_user')
			.on('staff_feedback')
			.columns(['campaign_event_id', 'user_id'])
			.unique()
			.execute();
		await db.schema
			.createIndex('feedback_links_event')
			.on('feedback_links')
			.column('campaign_event_id')
			.unique()
			.execute();
		return;
	}
	await dropEventFeedback(db);
	await db.schema.dropIndex('staff_feedback_event_user').execute();
	await db.schema.dropIndex('feedback_links_event').execute();
	for (const table of tables) {
		await db.schema.alterTable(table).dropConstraint(`${table}_subject`).execute();
		await db.schema.alterTable(table).dropColumn('campaign_event_id').execute();
	}
}

const change = (db: Kysely<any>, withEvents: boolean) =>
	engineOf(db) === 'postgres' ? alter(db, withEvents) : rebuild(db, withEvents);

export async function up(db: Kysely<any>): Promise<void> {
	let table = db.schema
		.createTable('campaign_event_attendance')
		.addColumn('campaign_event_id', 'integer', (c) =>
			c.primaryKey().references('campaign_events.id').onDelete('cascade')
		);
	for (const column of counts)
		table = table
			.addColumn(column, 'integer', (c) => c.notNull())
			.addCheckConstraint(`campaign_event_attendance_${column}`, sql.raw(`${column} >= 0`));
	await table
		.addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await change(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
	await change(db, false);
	await db.schema.dropTable('campaign_event_attendance').execute();
}
