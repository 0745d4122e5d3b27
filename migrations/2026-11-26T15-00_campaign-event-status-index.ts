import type { Kysely } from 'kysely';

// Campaign events waiting on someone (scheduled and past, oldest first) read by status and start,
// like sessions: without it a country-wide list sorted 177,000 events to show 20.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('campaign_events_status_starts')
		.on('campaign_events')
		.columns(['status', 'starts_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('campaign_events_status_starts').execute();
}
