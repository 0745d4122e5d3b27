import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
	FileMigrationProvider,
	Migrator,
	NO_MIGRATIONS,
	type MigrationResultSet
} from 'kysely/migration';
import type { DB } from './connect.ts';

// Migrations are plain TypeScript files that Node 24 loads directly (type stripping),
// so the same folder serves the server, the CLI and the tests.
export const migrationFolder = path.resolve(process.env.MIGRATIONS_PATH ?? 'migrations');

export function createMigrator(db: DB): Migrator {
	return new Migrator({
		db,
		provider: new FileMigrationProvider({ fs, path, migrationFolder })
	});
}

function assertSucceeded({ error, results }: MigrationResultSet): void {
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		const name = failed ? ` (${failed.migrationName})` : '';
		throw new Error(`Migration failed${name}: ${String(error)}`, { cause: error });
	}
}

export async function migrateToLatest(db: DB): Promise<void> {
	assertSucceeded(await createMigrator(db).migrateToLatest());
}

export async function migrateDownToEmpty(db: DB): Promise<void> {
	assertSucceeded(await createMigrator(db).migrateTo(NO_MIGRATIONS));
}
