import { sql, type Kysely } from 'kysely';
import { numberedKey } from '../src/lib/server/db/dialect.ts';

// The in-app inbox: one row per person told about an event. Only the facts are kept (which
// session, what happened, who did it); the text is composed when shown, in the reader's language
// and from the session's current data. bell_session_id is nullable because campaign events will
// notify too. A notification means nothing without its session or reader, hence the cascades.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('notifications')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('bell_session_id', 'integer', (c) =>
			c.references('bell_sessions.id').onDelete('cascade')
		)
		.addColumn('event', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('read_at', 'text')
		.addCheckConstraint(
			'notifications_event',
			sql`event in ('proposed', 'confirmed', 'counter_proposed', 'declined', 'accepted', 'rescheduled', 'moved', 'cancelled')`
		)
		.execute();
	// The inbox page (newest first) and the header's unread count both read by user and read_at.
	await db.schema
		.createIndex('notifications_user_read_created')
		.on('notifications')
		.columns(['user_id', 'read_at', 'created_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('notifications').execute();
}
