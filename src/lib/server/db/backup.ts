import { existsSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';

// Backup and restore of the SQLite file. A backup goes through SQLite's online backup API, so it
// is a consistent snapshot even while the server writes; it lands under a temporary name and is
// checked before it takes the final one. A restore (server stopped) checks the backup, keeps the
// current file aside, and puts the backup in its place without a stale WAL.

export class BackupError extends Error {}

function integrityOf(path: string): string {
	const db = new SQLite(path, { readonly: true, fileMustExist: true });
	try {
		const rows = db.pragma('integrity_check') as { integrity_check: string }[];
		const foreignKeys = db.pragma('foreign_key_check') as unknown[];
		const result = rows.map((r) => r.integrity_check).join('; ');
		return foreignKeys.length ? `${result}; ${foreignKeys.length} broken foreign keys` : result;
	} finally {
		db.close();
	}
}

/** Copies the live database at `source` to `target`; answers the number of pages copied. */
export async function backupDatabase(source: string, target: string): Promise<number> {
	if (!existsSync(source)) throw new BackupError(`No database at ${source}.`);
	const temporary = `${target}.partial`;
	rmSync(temporary, { force: true });
	const db = new SQLite(source, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		const { totalPages } = await db.backup(temporary);
		const integrity = integrityOf(temporary);
		if (integrity !== 'ok') throw new BackupError(`The copy failed its check: ${integrity}`);
		renameSync(temporary, target);
		return totalPages;
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	} finally {
		db.close();
	}
}

/** Replaces the database at `target` with `backup`; the old file is kept beside it, dated. */
export function restoreDatabase(backup: string, target: string): { keptAs: string | null } {
	if (!existsSync(backup)) throw new BackupError(`No backup at ${backup}.`);
	const integrity = integrityOf(backup);
	if (integrity !== 'ok') throw new BackupError(`The backup failed its check: ${integrity}`);
	let keptAs: string | null = null;
	if (existsSync(target)) {
		// Folds the WAL into the old file so the copy kept aside is whole.
		const old = new SQLite(target);
		old.pragma('wal_checkpoint(TRUNCATE)');
		old.close();
		keptAs = `${target}.before-restore-${new Date().toISOString().replaceAll(':', '-')}`;
		renameSync(target, keptAs);
	}
	for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
	const temporary = `${target}.restoring`;
	const source = new SQLite(backup, { readonly: true });
	try {
		source.exec(`VACUUM INTO '${temporary.replaceAll("'", "''")}'`);
	} finally {
		source.close();
	}
	renameSync(temporary, target);
	return { keptAs };
}
