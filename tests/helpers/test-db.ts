import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DB } from '../../src/lib/server/db/connect.ts';
import type { Engine } from '../../src/lib/server/db/dialect.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { TEMPLATE_DATABASE } from './postgres-setup.ts';

// The tests' databases, on the engine the run is for: SQLite in memory (`npm test`), or databases
// of their own on the run's PostgreSQL server (`npm run test:pg`, see postgres-setup.ts), each
// dropped when the test destroys it. Either way every migration is applied.

/** The engine this run tests. */
export const testEngine: Engine = inject('postgresPort') ? 'postgres' : 'sqlite';

/** What each engine says when a constraint refuses a write. */
export const refusedBy = {
	unique: /UNIQUE constraint|unique constraint/,
	check: /CHECK constraint|check constraint/,
	foreignKey: /FOREIGN KEY constraint|foreign key constraint/,
	/** The CHECK constraint of that name. */
	checkNamed: (name: string) =>
		new RegExp(`CHECK constraint failed: ${name}$|check constraint "${name}"`)
};

let admin: Promise<pg.Client> | undefined;
let made = 0;

function postgresUrl(database: string): string {
	return `postgres://postgres@127.0.0.1:${inject('postgresPort')}/${database}`;
}

async function adminQuery(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
	admin ??= (async () => {
		const client = new pg.Client({ connectionString: postgresUrl('postgres') });
		await client.connect();
		return client;
	})();
	return (await admin).query(sql, values);
}

/** Drops a database once the connections its pool closed have gone (forced after two seconds). */
async function dropDatabase(name: string): Promise<void> {
	const deadline = Date.now() + 2000;
	const connected = async () =>
		Number(
			(await adminQuery('select count(*) from pg_stat_activity where datname = $1', [name])).rows[0]
				.count
		);
	while (Date.now() < deadline && (await connected()) > 0)
		await new Promise((resolve) => setTimeout(resolve, 20));
	await adminQuery(`drop database if exists ${name} with (force)`);
}

/** A new PostgreSQL database, cloned from `template`, dropped when the returned DB is destroyed. */
async function createPostgresDb(template: string, poolSize = 4): Promise<DB> {
	const worker = process.env.VITEST_POOL_ID ?? process.pid;
	const name = `test_${worker}_${process.pid}_${++made}`;
	await adminQuery(`create database ${name} template ${template} strategy file_copy`);
	const db = openDatabase(postgresUrl(name), { poolSize });
	const destroy = db.destroy.bind(db);
	db.destroy = async () => {
		await destroy();
		await dropDatabase(name);
	};
	return db;
}

/**
 * A fresh database with every migration applied. On PostgreSQL its pool holds `poolSize`
 * connections: as many transactions can run at the same time.
 */
export async function createTestDb(options: { poolSize?: number } = {}): Promise<DB> {
	if (testEngine === 'postgres') return createPostgresDb(TEMPLATE_DATABASE, options.poolSize);
	const db = openDatabase(':memory:');
	await migrateToLatest(db);
	return db;
}

/** A fresh database with nothing in it, not even the migrations. */
export async function createEmptyTestDb(): Promise<DB> {
	return testEngine === 'postgres' ? createPostgresDb('template0') : openDatabase(':memory:');
}
