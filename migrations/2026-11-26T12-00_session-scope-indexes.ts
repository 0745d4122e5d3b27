import type { Kysely } from 'kysely';

// Every list of sessions is read within a scope (a centre, a neighbourhood, a school), often of
// one status, in time order: "awaiting the school", "attendance overdue", the session list. With
// one index per scope column leading to status and start, the database reads only the rows it
// shows, however many sessions the country has. The single-column status index is subsumed by
// (status, starts_at), used when a scope covers most neighbourhoods.

const indexes: [string, string[]][] = [
	['bell_sessions_center_status_starts', ['center_id', 'status', 'starts_at']],
	['bell_sessions_neighborhood_status_starts', ['neighborhood_id', 'status', 'starts_at']],
	['bell_sessions_status_starts', ['status', 'starts_at']]
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const [name, columns] of indexes)
		await db.schema.createIndex(name).on('bell_sessions').columns(columns).execute();
	await db.schema.dropIndex('bell_sessions_by_status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('bell_sessions_by_status')
		.on('bell_sessions')
		.column('status')
		.execute();
	for (const [name] of indexes) await db.schema.dropIndex(name).execute();
}
