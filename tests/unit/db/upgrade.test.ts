import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { createMigrator, migrateToLatest } from '../../../src/lib/server/db/migrate.ts';
import { seedDemoClosures, seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { seedDemoSessions } from '../../../src/lib/server/demo/sessions.ts';
import { seedDemoAttendance } from '../../../src/lib/server/demo/attendance.ts';
import { createTestDb } from '../../helpers/test-db.ts';

// Upgrades on a database full of data: for every migration, going down to just before it and up
// again leaves every table that survives the way down exactly as it was.

async function tableNames(db: DB): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select name from sqlite_master
		where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
		order by name`.execute(db);
	return rows.map((r) => r.name);
}

async function snapshot(db: DB): Promise<Map<string, string>> {
	const tables = new Map<string, string>();
	for (const name of await tableNames(db)) {
		const { rows } = await sql`select * from ${sql.table(name)} order by rowid`.execute(db);
		tables.set(name, JSON.stringify(rows));
	}
	return tables;
}

describe('migrations on the demo database', () => {
	let db: DB;
	beforeAll(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		await seedDemoClosures(db);
		await seedDemoSessions(db, new Date('2026-11-26T08:00:00Z'));
		// A held session with attendance, staff feedback and answers: rows in the tables that
		// later migrations rebuild. (Campaign data cannot survive going below the campaigns.)
		await seedDemoAttendance(db, new Date('2026-11-26T08:00:00Z'));
	});
	afterAll(async () => db.destroy());

	it('go down and up again, one step at a time from the latest, losing nothing', async () => {
		const original = await snapshot(db);
		expect(JSON.parse(original.get('bell_sessions')!).length).toBeGreaterThan(0);
		expect(JSON.parse(original.get('feedback_answers')!).length).toBeGreaterThan(0);
		const migrations = await createMigrator(db).getMigrations();
		for (let i = migrations.length - 1; i >= 1; i--) {
			const { error } = await createMigrator(db).migrateTo(migrations[i - 1]!.name);
			expect(error, `down past ${migrations[i]!.name}`).toBeUndefined();
			const survivors = await tableNames(db);
			await migrateToLatest(db);
			const after = await snapshot(db);
			for (const table of survivors)
				expect(after.get(table), `${table} after ${migrations[i]!.name} down and up`).toBe(
					original.get(table)
				);
		}
	});
});
