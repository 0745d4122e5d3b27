import { NO_MIGRATIONS } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { createMigrator, migrateToLatest } from '../../../src/lib/server/db/migrate.ts';
import { loadDemoData } from '../../../src/lib/server/demo/load.ts';
import { changeCampaignEvent } from '../../../src/lib/server/campaigns/events.ts';
import { findUserScope } from '../../../src/lib/server/users/repository.ts';
import { schemaOf, sortedRows, tableNames } from '../../helpers/schema.ts';
import { createTestDb } from '../../helpers/test-db.ts';

// Upgrades on a database full of data as `npm run demo` leaves it (district, closures, sessions,
// Sunday campaigns, attendance and feedback) and an admin's cancellation of a Sunday event (so the
// centre's manager has a notification about a campaign event), on the engine of the run. For every
// migration, going down to just before it and up again leaves the schema (every table, column,
// constraint, index, view and trigger as the engine stores it) as the first way up made it, and every table that survives the way down exactly
// as it was, less only the rows its down step is written to drop (below). Finally the file goes
// down past the first migration, to no tables, and up again.

const NOW = new Date('2026-11-26T08:00:00Z');

/** Rows a migration's down step drops on purpose (the older schema has no place for them). */
const droppedGoingDown: Record<string, Record<string, string>> = {
	'2026-11-26T08-10_campaign-notifications': { notifications: 'campaign_event_id is not null' },
	'2026-11-26T11-00_event-attendance': {
		feedback_answers:
			'link_id in (select id from feedback_links where campaign_event_id is not null)',
		feedback_links: 'campaign_event_id is not null',
		staff_feedback: 'campaign_event_id is not null'
	}
};

/** What going down past all of `names` drops: per table, the where clauses joined by `or`. */
function droppedBelow(names: string[]): Record<string, string> {
	const dropped: Record<string, string> = {};
	for (const name of names)
		for (const [table, where] of Object.entries(droppedGoingDown[name] ?? {}))
			dropped[table] = dropped[table] ? `${dropped[table]} or (${where})` : `(${where})`;
	return dropped;
}

/** Every table's rows, less those matching `dropped` (table: where clause). */
async function rowsOf(db: DB, dropped: Record<string, string> = {}): Promise<Map<string, string>> {
	const tables = new Map<string, string>();
	for (const name of await tableNames(db))
		tables.set(name, JSON.stringify(await sortedRows(db, name, dropped[name])));
	return tables;
}

async function cancelASundayEvent(db: DB): Promise<void> {
	const admin = await db
		.selectFrom('users')
		.select(['id', 'role', 'school_id'])
		.where('role', '=', 'admin')
		.executeTakeFirstOrThrow();
	const event = await db
		.selectFrom('campaign_events')
		.select(['id', 'campaign_id', 'version'])
		.where('status', '=', 'scheduled')
		.where('date', '>', '2026-11-26')
		.orderBy('date')
		.executeTakeFirstOrThrow();
	const actor = { ...admin, scope: await findUserScope(db, admin), ip: null };
	const target = { campaignId: event.campaign_id, eventId: event.id, version: event.version };
	const result = await changeCampaignEvent(
		db,
		actor,
		target,
		{ action: 'cancel', reason: 'x' },
		NOW
	);
	expect(result.ok).toBe(true);
}

const countOf = (rows: Map<string, string>, table: string) =>
	(JSON.parse(rows.get(table) ?? '[]') as unknown[]).length;

describe('migrations on a database full of the demo', () => {
	let db: DB;
	beforeAll(async () => {
		db = await createTestDb();
		await loadDemoData(db, NOW);
		await cancelASundayEvent(db);
	});
	afterAll(async () => db.destroy());

	it(
		'go down and up again, one step at a time from the latest, changing nothing',
		{ timeout: 120_000 },
		async () => {
			const schema = await schemaOf(db);
			const rows = await rowsOf(db);
			for (const table of [
				'bell_sessions',
				'campaigns',
				'campaign_events',
				'campaign_event_attendance',
				'bell_session_attendance',
				'feedback_answers',
				'notifications'
			])
				expect(countOf(rows, table), table).toBeGreaterThan(0);
			// Some rows of each kind that going down drops on purpose, so those steps drop something.
			for (const dropped of Object.values(droppedGoingDown))
				for (const [table, where] of Object.entries(dropped)) {
					const all = countOf(rows, table);
					expect(countOf(await rowsOf(db, { [table]: where }), table), where).toBeLessThan(all);
				}
			expect(schema.filter((entry) => entry.startsWith('index ')).length).toBeGreaterThan(10);

			const migrations = await createMigrator(db).getMigrations();
			for (let i = migrations.length - 1; i >= 0; i--) {
				const step = `${migrations[i]!.name} down and up`;
				const expected = await rowsOf(db, droppedBelow(migrations.slice(i).map((m) => m.name)));
				const { error } = await createMigrator(db).migrateTo(
					i === 0 ? NO_MIGRATIONS : migrations[i - 1]!.name
				);
				expect(error, `down past ${migrations[i]!.name}`).toBeUndefined();
				const survivors = await tableNames(db);
				if (i === 0) expect(survivors, 'tables left below the first migration').toEqual([]);
				await migrateToLatest(db);
				expect(await schemaOf(db), `schema after ${step}`).toEqual(schema);
				const after = await rowsOf(db);
				for (const table of survivors)
					expect(after.get(table), `${table} after ${step}`).toBe(expected.get(table));
			}
		}
	);
});
