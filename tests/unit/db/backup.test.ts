import type { ChildProcess } from 'node:child_process';
import {
	closeSync,
	copyFileSync,
	existsSync,
	mkdtempSync,
	openSync,
	readdirSync,
	rmSync,
	writeFileSync,
	writeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/lib/server/db/connect.ts';
import { migrateToLatest } from '../../../src/lib/server/db/migrate.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { holdOpen, runScript, startWriter, stop, waitFor } from '../../helpers/processes.ts';

// `npm run backup` and `npm run restore` as an operator runs them (scripts/backup.ts and
// scripts/restore.ts in their own processes, DATABASE_PATH naming the live file), while the
// app's own write path keeps writing from another process: the crash test's writer adds closures
// one by one through createClosure (each with its audit entry in the same transaction) and prints
// "ack <n>" after each commit.

/** SQLite's own checks of the file, and the writer's closures it holds, in order. */
function inspect(path: string) {
	const db = new SQLite(path, { readonly: true, fileMustExist: true });
	try {
		const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
			.map((r) => r.integrity_check)
			.join('; ');
		const brokenKeys = (db.pragma('foreign_key_check') as unknown[]).length;
		const closures = (
			db.prepare("select name_fa from closures where name_fa like 'crash-%' order by id").all() as {
				name_fa: string;
			}[]
		).map((r) => Number(r.name_fa.slice(6)));
		const unaudited = db
			.prepare(
				`select count(*) as n from closures c where c.name_fa like 'crash-%' and not exists
				 (select 1 from audit_log a where a.entity_type = 'closure' and a.entity_id = c.id)`
			)
			.get() as { n: number };
		return { integrity, brokenKeys, closures, unaudited: unaudited.n };
	} finally {
		db.close();
	}
}

/**
 * Some months of audit history (about 16 MB), so that copying the file takes SQLite's backup API
 * many steps: a copy made in steps starts over whenever another process writes in between, and
 * with writes going on all the time it would never end.
 */
function addHistory(path: string): void {
	const db = new SQLite(path);
	const entry = db.prepare(
		`insert into audit_log (at, action, entity_type, entity_id, before, after)
		 values (?, 'bell_session_updated', 'bell_session', ?, ?, ?)`
	);
	const state = (n: number) => JSON.stringify({ status: 'proposed', note: 'x'.repeat(150), n });
	db.transaction(() => {
		for (let n = 0; n < 40_000; n++)
			entry.run(
				new Date(Date.UTC(2026, 5, 1) + n * 60_000).toISOString(),
				n,
				state(n),
				state(n + 1)
			);
	})();
	db.close();
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);

// Each test starts node processes several times; on a busy machine that takes seconds.
describe('npm run backup and npm run restore', { timeout: 30_000 }, () => {
	let dir: string;
	let live: string;
	const children: ChildProcess[] = [];
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'bell-backup-'));
		live = join(dir, 'live.db');
		const db = openDatabase(live);
		await migrateToLatest(db);
		await seedDemoDistrict(db, '2026-11-26');
		await db.destroy();
		addHistory(live);
	});
	afterEach(async () => {
		for (const child of children.splice(0)) await stop(child);
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const filesLike = (part: string) => readdirSync(dir).filter((name) => name.includes(part));

	it(
		'copies while the app writes: each copy sound, holding a prefix of the acknowledged writes',
		{ timeout: 60_000 },
		async () => {
			const writer = startWriter(live, 0);
			children.push(writer.child);
			const copies: number[][] = [];
			for (let i = 0; i < 3; i++) {
				await waitFor(() => writer.acks.length >= 20 * (i + 1));
				const acknowledgedBefore = writer.acks.length;
				const copy = join(dir, `copy-${i}.db`);
				const run = await runScript('backup', copy, live);
				expect(run.code, run.stderr).toBe(0);
				expect(run.stdout).toContain('integrity ok');
				const found = inspect(copy);
				expect(found.integrity).toBe('ok');
				expect(found.brokenKeys).toBe(0);
				// Whole transactions only: every closure came with its audit entry.
				expect(found.unaudited).toBe(0);
				// Writes 0, 1, 2... in order and without a hole, up to at least every one acknowledged
				// before the backup started.
				expect(found.closures).toEqual(upTo(found.closures.length));
				expect(found.closures.length).toBeGreaterThanOrEqual(acknowledgedBefore);
				copies.push(found.closures);
			}
			await stop(writer.child);
			const acknowledged = writer.acks.length;
			expect(copies[2]!.length).toBeGreaterThan(copies[0]!.length);
			// The live file holds every acknowledged write, and each copy is a prefix of its writes.
			const after = inspect(live);
			expect(after.integrity).toBe('ok');
			expect(after.closures.slice(0, acknowledged)).toEqual(upTo(acknowledged));
			expect(after.closures.length).toBeGreaterThanOrEqual(copies[2]!.length);
			expect(filesLike('.partial')).toEqual([]);
		}
	);

	it.each([
		['the server holds it open, idle', (path: string) => holdOpen(path)],
		[
			'the app is writing to it',
			async (path: string) => {
				const writer = startWriter(path, 100_000);
				await waitFor(() => writer.acks.length > 0);
				return writer.child;
			}
		]
	])('refuses to restore while %s, and changes nothing', async (_, open) => {
		const holder = await open(live);
		children.push(holder);
		const before = inspect(live).closures.length;
		const run = await runScript('restore', join(dir, 'copy-0.db'), live);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('is open in another program');
		expect(run.stderr).toContain('Stop the server, then restore again.');
		expect(inspect(live).closures.length).toBeGreaterThanOrEqual(before);
		expect(filesLike('before-restore')).toEqual([]);
		expect(filesLike('.restoring')).toEqual([]);
	});

	it('restores a backup in place of the database and keeps the old file aside', async () => {
		const copy = inspect(join(dir, 'copy-0.db')).closures;
		const old = inspect(live).closures;
		const run = await runScript('restore', join(dir, 'copy-0.db'), live);
		expect(run.code, run.stderr).toBe(0);
		const [keptAs] = filesLike('before-restore');
		expect(run.stdout).toContain(`kept as ${join(dir, keptAs!)}`);
		expect(inspect(live).closures).toEqual(copy);
		expect(inspect(join(dir, keptAs!)).closures).toEqual(old);
		expect(existsSync(`${live}-wal`)).toBe(false);
		// The server's start: migrations run on the restored file.
		const db = openDatabase(live);
		await migrateToLatest(db);
		expect(await db.selectFrom('districts').selectAll().execute()).toHaveLength(1);
		await db.destroy();
	});

	/** A copy of the live file made unsound: a row pointing nowhere, or a damaged page. */
	const damages: [string, (path: string) => void][] = [
		[
			'a broken foreign key',
			(path) => {
				const db = new SQLite(path);
				db.pragma('foreign_keys = OFF');
				db.prepare("update closures set school_id = 999999 where name_fa = 'crash-0'").run();
				db.close();
			}
		],
		[
			'a damaged index page',
			(path) => {
				const db = new SQLite(path);
				const { rootpage } = db
					.prepare(
						"select rootpage from sqlite_master where name = 'schools_neighborhood_id_index'"
					)
					.get() as { rootpage: number };
				const pageSize = db.pragma('page_size', { simple: true }) as number;
				db.close();
				const fd = openSync(path, 'r+');
				writeSync(fd, Buffer.alloc(200, 0x41), 0, 200, rootpage * pageSize - 200);
				closeSync(fd);
			}
		]
	];

	it.each(damages)(
		'reports a backup whose copy fails its check (%s) and leaves nothing under its name',
		async (_, damage) => {
			const damaged = join(dir, 'damaged-live.db');
			copyFileSync(live, damaged);
			damage(damaged);
			const target = join(dir, 'from-damaged.db');
			const run = await runScript('backup', target, damaged);
			expect(run.code).toBe(1);
			expect(run.stderr).toContain('Backup failed: The copy failed its check');
			expect(existsSync(target)).toBe(false);
			expect(existsSync(`${target}.partial`)).toBe(false);
			// The same file offered as a backup is refused, and the database stays as it was.
			const before = inspect(live).closures;
			const restore = await runScript('restore', damaged, live);
			expect(restore.code).toBe(1);
			expect(restore.stderr).toContain('The backup failed its check');
			expect(inspect(live).closures).toEqual(before);
		}
	);

	it('refuses a missing database, a missing backup and a file that is no database', async () => {
		const backup = await runScript('backup', join(dir, 'x.db'), join(dir, 'missing.db'));
		expect(backup.code).toBe(1);
		expect(backup.stderr).toContain('No database at');
		expect(existsSync(join(dir, 'x.db'))).toBe(false);
		const before = inspect(live).closures;
		const missing = await runScript('restore', join(dir, 'missing.db'), live);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('No backup at');
		writeFileSync(join(dir, 'text.db'), 'not a database');
		const text = await runScript('restore', join(dir, 'text.db'), live);
		expect(text.code).toBe(1);
		expect(text.stderr).toContain('The backup failed its check');
		expect(inspect(live).closures).toEqual(before);
		expect(filesLike('before-restore')).toHaveLength(1);
	});
});
