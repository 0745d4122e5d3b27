import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';
import { addDatabaseTime } from '../timing.ts';

export type DB = Kysely<Database>;

// SQLite-specific set-up lives here and only here.
export function openDatabase(path: string): DB {
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	return new Kysely<Database>({
		dialect: new SqliteDialect({ database: sqlite }),
		log: (event) => addDatabaseTime(event.queryDurationMillis)
	});
}
