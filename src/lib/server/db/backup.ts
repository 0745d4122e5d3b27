import { existsSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';

// Backup and restore of the SQLite file. A backup goes through SQLite's online backup API, so it
// is a consistent snapshot even while the server writes; it lands under a temporary name and is
// checked before it takes the final one. A restore refuses while any other program has the
// database open, checks the backup, keeps the current file aside, and puts the backup in its
// place without a stale WAL.

export class BackupError extends Error {}

/**
 * What SQLite's checks say of the file: 'ok', or what is wrong with it. `asCopy` first makes the
 * file one self-contained file: a copy of a WAL database is in WAL mode too, and would otherwise
 * grow -wal and -shm files beside it.
 */
function checksOf(path: string, { asCopy }: { asCopy: boolean }): string {
	let db: SQLite.Database | undefined;
	try {
		db = new SQLite(path, { readonly: !asCopy, fileMustExist: true });
		if (asCopy) db.pragma('journal_mode = DELETE');
		const rows = db.pragma('integrity_check') as { integrity_check: string }[];
		const foreignKeys = db.pragma('foreign_key_check') as unknown[];
		const result = rows.map((r) => r.integrity_check).join('; ');
		return foreignKeys.length ? `${result}; ${foreignKeys.length} broken foreign keys` : result;
	} catch (error) {
		// A damaged page or a file that is no database at all: SQLite refuses to read it.
		if (error instanceof SQLite.SqliteError) return error.message;
		throw error;
	} finally {
		db?.close();
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
		// All pages in one step, from one snapshot: a copy made in steps starts over whenever
		// another process writes between two steps, so on a busy server it might never end. A
		// reader does not hold up writers in WAL mode.
		const { totalPages } = await db.backup(temporary, { progress: () => 0x7fffffff });
		const integrity = checksOf(temporary, { asCopy: true });
		if (integrity !== 'ok') throw new BackupError(`The copy failed its check: ${integrity}`);
		renameSync(temporary, target);
		return totalPages;
	} catch (error) {
		for (const suffix of ['', '-wal', '-shm', '-journal'])
			rmSync(temporary + suffix, { force: true });
		throw error;
	} finally {
		db.close();
	}
}

/**
 * Opens the database for this process alone. Every connection in WAL mode (the server's, a
 * backup's) holds a shared lock on the file for as long as it is open, even when idle, so the
 * exclusive lock is refused while any other program has the database open.
 */
function claimDatabase(path: string): SQLite.Database {
	const db = new SQLite(path, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 0');
		db.pragma('locking_mode = EXCLUSIVE');
		// The first read takes the lock, and exclusive mode keeps it until the connection closes.
		db.prepare('select count(*) from sqlite_master').get();
		return db;
	} catch (error) {
		db.close();
		if (error instanceof SQLite.SqliteError && error.code.startsWith('SQLITE_BUSY'))
			throw new BackupError(
				`The database ${path} is open in another program, most likely the Prevention Bell ` +
					'server (or a backup that is running). Stop the server, then restore again. ' +
					'Nothing was changed.'
			);
		throw error;
	}
}

/** Replaces the database at `target` with `backup`; the old file is kept beside it, dated. */
export function restoreDatabase(backup: string, target: string): { keptAs: string | null } {
	if (!existsSync(backup)) throw new BackupError(`No backup at ${backup}.`);
	const current = existsSync(target) ? claimDatabase(target) : null;
	const temporary = `${target}.restoring`;
	try {
		const integrity = checksOf(backup, { asCopy: false });
		if (integrity !== 'ok') throw new BackupError(`The backup failed its check: ${integrity}`);
		rmSync(temporary, { force: true });
		const source = new SQLite(backup, { readonly: true });
		try {
			source.exec(`VACUUM INTO '${temporary.replaceAll("'", "''")}'`);
		} finally {
			source.close();
		}
		// Folds the WAL into the old file and leaves WAL mode: the file kept aside is one whole file.
		current?.pragma('journal_mode = DELETE');
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	} finally {
		current?.close();
	}
	let keptAs: string | null = null;
	if (current) {
		keptAs = `${target}.before-restore-${new Date().toISOString().replaceAll(':', '-')}`;
		renameSync(target, keptAs);
	}
	for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
	renameSync(temporary, target);
	return { keptAs };
}
