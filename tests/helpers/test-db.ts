import { openDatabase, type DB } from '../../src/lib/server/db/connect.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';

/** A fresh in-memory SQLite database with every migration applied. */
export async function createTestDb(): Promise<DB> {
	const db = openDatabase(':memory:');
	await migrateToLatest(db);
	return db;
}
