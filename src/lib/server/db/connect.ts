import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import type { Database } from './schema.ts';
import { addDatabaseTime } from '../timing.ts';
import { withStatementCache } from './statement-cache.ts';

export type DB = Kysely<Database>;

/** Queries slower than this many milliseconds are written to stderr (unset: none). */
const slowQueryMs = Number(process.env.SLOW_QUERY_MS ?? Infinity);

function logQuery(event: LogEvent): void {
	addDatabaseTime(event.queryDurationMillis);
	if (event.queryDurationMillis >= slowQueryMs) {
		console.warn(
			`slow query ${event.queryDurationMillis.toFixed(1)} ms: ${event.query.sql} ${JSON.stringify(event.query.parameters)}`
		);
	}
}

// SQLite-specific set-up lives here and only here.
export function openDatabase(path: string): DB {
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	return new Kysely<Database>({
		dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
		log: logQuery
	});
}
