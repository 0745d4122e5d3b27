import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
	CompiledQuery,
	Kysely,
	PostgresDialect,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Dialect,
	type LogEvent
} from 'kysely';
import type { Database } from './schema.ts';
import { addDatabaseTime } from '../timing.ts';
import { withStatementCache } from './statement-cache.ts';
import { RetryingPostgresDriver } from './postgres-retry.ts';

export type DB = Kysely<Database>;

/** Queries slower than this many milliseconds are written to stderr (unset: none). */
const slowQueryMs = Number(process.env.SLOW_QUERY_MS ?? Infinity);

export interface OpenOptions {
	/** PostgreSQL: connections in the pool (default DATABASE_POOL_SIZE, else 10). */
	poolSize?: number;
	/** Hears every query run, after the app's own log (a benchmark catching statements). */
	onQuery?: (event: LogEvent) => void;
}

function logQuery(event: LogEvent): void {
	addDatabaseTime(event.queryDurationMillis);
	if (event.queryDurationMillis >= slowQueryMs) {
		console.warn(
			`slow query ${event.queryDurationMillis.toFixed(1)} ms: ${event.query.sql} ${JSON.stringify(event.query.parameters)}`
		);
	}
}

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);

/**
 * The database at `target`: a PostgreSQL URL (`postgres://…`) or a SQLite file's path
 * (`:memory:` for a private one). The rest of the app does not know which.
 */
export function openDatabase(target: string, options: OpenOptions = {}): DB {
	const log = (event: LogEvent) => {
		logQuery(event);
		options.onQuery?.(event);
	};
	return isPostgresUrl(target)
		? openPostgres(target, log, options.poolSize)
		: openSqlite(target, log);
}

function openSqlite(path: string, log = logQuery): DB {
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	return kyselyOnSqlite(sqlite, log);
}

/**
 * Transactions that take SQLite's write lock when they begin (BEGIN IMMEDIATE), waiting for it
 * as long as the busy timeout allows. A transaction begun plainly reads first and asks for the
 * lock at its first write: if another process (a second worker) wrote in between, SQLite refuses
 * it at once, whatever the timeout.
 */
class ImmediateTransactions extends SqliteDriver {
	async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

/** The app's queries on a SQLite connection opened elsewhere (a bulk loader's), sharing it. */
export function kyselyOnSqlite(sqlite: SQLite.Database, log = logQuery): DB {
	const config = { database: withStatementCache(sqlite) };
	const sqliteDialect = new SqliteDialect(config);
	const dialect: Dialect = {
		createAdapter: () => sqliteDialect.createAdapter(),
		createDriver: () => new ImmediateTransactions(config),
		createIntrospector: (db) => sqliteDialect.createIntrospector(db),
		createQueryCompiler: () => sqliteDialect.createQueryCompiler()
	};
	return new Kysely<Database>({ dialect, log });
}

// Values as SQLite gives them, so that the domain code reads one kind of each: counts and sums
// (int8, numeric) as numbers, truth values (a comparison selected as a column) as 1 and 0.
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const types = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === INT8 || oid === NUMERIC) return Number;
		if (oid === BOOL) return (value: string) => (value === 't' ? 1 : 0);
		return pg.types.getTypeParser(oid, format as 'text');
	}
};

export const DEFAULT_POOL_SIZE = 10;

function openPostgres(url: string, log: (event: LogEvent) => void, poolSize?: number): DB {
	const pool = new pg.Pool({
		connectionString: url,
		max: poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || DEFAULT_POOL_SIZE),
		types,
		// Every transaction is serializable: PostgreSQL then refuses any interleaving that two
		// writers could not have had one after the other (as SQLite's one writer has them), and a
		// refused one is tried again (postgres-retry.ts, transaction.ts).
		options: '-c default_transaction_isolation=serializable -c timezone=UTC'
	});
	// A connection the server ends while idle (a restart, a failover) leaves the pool; the next
	// query opens another. Said, not thrown: nobody was waiting on it.
	pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
	return new Kysely<Database>({
		dialect: new (class extends PostgresDialect {
			createDriver() {
				return new RetryingPostgresDriver(super.createDriver());
			}
		})({ pool }),
		log
	});
}
