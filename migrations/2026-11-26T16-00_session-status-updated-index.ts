import type { Kysely } from 'kysely';

// Proposals past their district's response deadline are read by status and last change: every
// deadline is at least a day (the settings table's check), so a proposal changed within the last
// day is never past it and is not read. Without it a country's home page tested every proposal.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('bell_sessions_status_updated')
		.on('bell_sessions')
		.columns(['status', 'updated_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('bell_sessions_status_updated').execute();
}
