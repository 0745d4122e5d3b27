import { sql, type Kysely } from 'kysely';
import { numberedKey } from '../src/lib/server/db/dialect.ts';

// Personal API tokens, with which ministry systems read coverage and sessions. A token is shown
// once when made; only its SHA-256 is kept, so the database cannot give a working token away.
// A revoked token stays as a record (who had it, when it was last used), never used again.
//
// Coverage adds up a school year's sessions by neighbourhood and school, and the API pages through
// sessions in time order: these indexes let both start where they need instead of reading every
// session ever made.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('api_tokens')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.addColumn('revoked_at', 'text')
		.addCheckConstraint('api_tokens_name', sql`length(name) between 1 and 80`)
		.execute();
	await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

	await db.schema
		.createIndex('bell_sessions_year_neighborhood')
		.on('bell_sessions')
		.columns(['school_year_id', 'neighborhood_id'])
		.execute();
	await db.schema
		.createIndex('bell_sessions_school_year_school')
		.on('bell_sessions')
		.columns(['school_id', 'school_year_id', 'status'])
		.execute();
	await db.schema
		.createIndex('bell_sessions_starts')
		.on('bell_sessions')
		.column('starts_at')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('bell_sessions_starts').execute();
	await db.schema.dropIndex('bell_sessions_school_year_school').execute();
	await db.schema.dropIndex('bell_sessions_year_neighborhood').execute();
	await db.schema.dropTable('api_tokens').execute();
}
