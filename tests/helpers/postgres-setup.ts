import type { TestProject } from 'vitest/node';
import { startTemporaryServer } from '../../scripts/postgres/temporary-server.ts';
import { openDatabase } from '../../src/lib/server/db/connect.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';

// Vitest's global set-up for `npm run test:pg` (TEST_ENGINE=postgres): a PostgreSQL server of the
// run's own, a template database with every migration applied, from which each test database is
// cloned (test-db.ts); the server and all its databases are removed at the end.

declare module 'vitest' {
	interface ProvidedContext {
		/** The run's PostgreSQL server's port; 0 when the tests run on SQLite. */
		postgresPort: number;
	}
}

export const TEMPLATE_DATABASE = 'bell_template';

export default async function setup(project: TestProject) {
	if (process.env.TEST_ENGINE !== 'postgres') {
		project.provide('postgresPort', 0);
		return;
	}
	const server = await startTemporaryServer({ maxConnections: 400 });
	await server.admin(`create database ${TEMPLATE_DATABASE}`);
	const db = openDatabase(server.url(TEMPLATE_DATABASE), { poolSize: 1 });
	try {
		await migrateToLatest(db);
	} finally {
		await db.destroy();
	}
	project.provide('postgresPort', server.port);
	console.log(`PostgreSQL test server on port ${server.port}`);
	return () => server.stop();
}
