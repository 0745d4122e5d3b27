import type { Kysely } from 'kysely';

// Each user's private calendar feed: at most one secret address per user. Only a SHA-256 of the
// token is kept, so the address cannot be read back from the database; making a new one replaces
// the row, which revokes the old address.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('calendar_feeds')
		.addColumn('user_id', 'integer', (c) =>
			c.primaryKey().references('users.id').onDelete('cascade')
		)
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calendar_feeds').execute();
}
