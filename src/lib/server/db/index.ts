import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isPostgresUrl, openDatabase, type DB } from './connect.ts';

export type { DB } from './connect.ts';

/**
 * Where the database is: PostgreSQL at DATABASE_URL (`postgres://…`) when it is set, otherwise
 * the SQLite file at DATABASE_PATH (default data/demo.db).
 */
export const databaseTarget =
	process.env.DATABASE_URL || process.env.DATABASE_PATH || 'data/demo.db';

/** The target as it may be printed: a URL without its password. */
export function describeDatabase(target = databaseTarget): string {
	if (!isPostgresUrl(target)) return target;
	const url = new URL(target);
	if (url.password) url.password = '***';
	return url.toString();
}

let instance: DB | undefined;

// Opened on first use, so building the app never touches a database.
export function getDb(): DB {
	if (!instance) {
		if (!isPostgresUrl(databaseTarget)) mkdirSync(dirname(databaseTarget), { recursive: true });
		instance = openDatabase(databaseTarget);
	}
	return instance;
}
