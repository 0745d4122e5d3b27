import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, type DB } from './connect.ts';

export type { DB } from './connect.ts';

export const databasePath = process.env.DATABASE_PATH ?? 'data/demo.db';

let instance: DB | undefined;

// Opened on first use, so building the app never touches a database file.
export function getDb(): DB {
	if (!instance) {
		mkdirSync(dirname(databasePath), { recursive: true });
		instance = openDatabase(databasePath);
	}
	return instance;
}
