import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

// Kysely's SQLite driver prepares every query afresh; preparing costs about as much as running a
// small query. The app builds the same few hundred statements over and over, so keep the
// prepared ones, the least recently used dropped beyond a bound. A statement another caller is
// still iterating (busy) cannot be reused, so a fresh one is prepared then.

const MAX_STATEMENTS = 500;

export function withStatementCache(sqlite: Database): SqliteDatabase {
	const cache = new Map<string, Statement>();
	return {
		close: () => sqlite.close(),
		prepare(sql: string) {
			const cached = cache.get(sql);
			if (cached && !cached.busy) {
				cache.delete(sql);
				cache.set(sql, cached);
				return cached;
			}
			const statement = sqlite.prepare(sql);
			cache.set(sql, statement);
			if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
			return statement;
		}
	};
}
