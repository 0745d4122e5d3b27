import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, BackupError, restoreDatabase } from '../../../src/lib/server/db/backup.ts';
import { openDatabase } from '../../../src/lib/server/db/connect.ts';
import { migrateToLatest } from '../../../src/lib/server/db/migrate.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';

// Backups taken while another process keeps writing: each copy passes SQLite's checks and holds
// whole transactions only (every transaction writes two rows, so a copy has an even number).

const WRITER = `
const SQLite = require('better-sqlite3');
const db = new SQLite(process.argv[1]);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare("insert into audit_log (at, action, subject) values (?, 'backup_load', ?)");
const pair = db.transaction((n) => { insert.run(new Date().toISOString(), 'a' + n); insert.run(new Date().toISOString(), 'b' + n); });
let n = 0;
const end = Date.now() + Number(process.argv[2]);
while (Date.now() < end) pair(n++);
console.log(n);
`;

function loadCount(path: string): number {
	const db = new SQLite(path, { readonly: true });
	const row = db
		.prepare("select count(*) as n from audit_log where action = 'backup_load'")
		.get() as {
		n: number;
	};
	db.close();
	return row.n;
}

describe('backup and restore', () => {
	let dir: string;
	let live: string;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'bell-backup-'));
		live = join(dir, 'live.db');
		const db = openDatabase(live);
		await migrateToLatest(db);
		await seedDemoDistrict(db, '2026-11-26');
		await db.destroy();
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('takes consistent copies while another process writes', async () => {
		const writer = spawn(process.execPath, ['-e', WRITER, live, '3000'], { stdio: 'pipe' });
		let written = '';
		writer.stdout.on('data', (chunk) => (written += chunk));
		const done = new Promise((resolve) => writer.on('exit', resolve));
		const counts: number[] = [];
		for (let i = 0; i < 5; i++) {
			await new Promise((resolve) => setTimeout(resolve, 300));
			const copy = join(dir, `copy-${i}.db`);
			await backupDatabase(live, copy);
			counts.push(loadCount(copy));
		}
		await done;
		expect(Number(written)).toBeGreaterThan(0);
		for (const count of counts) expect(count % 2).toBe(0);
		// The copies were taken while the writer ran, so later ones hold more.
		expect(counts.at(-1)!).toBeGreaterThan(counts[0]!);
		expect(loadCount(live)).toBe(Number(written) * 2);
	});

	it('restores a backup in place of the database and keeps the old file aside', async () => {
		const copy = join(dir, 'copy-0.db');
		const before = loadCount(copy);
		const { keptAs } = restoreDatabase(copy, live);
		expect(keptAs).toMatch(/live\.db\.before-restore-/);
		expect(loadCount(live)).toBe(before);
		expect(loadCount(keptAs!)).toBeGreaterThan(before);
		const db = openDatabase(live);
		await migrateToLatest(db);
		expect((await db.selectFrom('districts').selectAll().execute()).length).toBe(1);
		await db.destroy();
	});

	it('refuses a missing or damaged backup and leaves the database alone', async () => {
		const damaged = join(dir, 'damaged.db');
		await import('node:fs').then((fs) => fs.writeFileSync(damaged, 'not a database'));
		const count = loadCount(live);
		expect(() => restoreDatabase(join(dir, 'missing.db'), live)).toThrow(BackupError);
		expect(() => restoreDatabase(damaged, live)).toThrow();
		expect(loadCount(live)).toBe(count);
		await expect(backupDatabase(join(dir, 'missing.db'), join(dir, 'x.db'))).rejects.toThrow(
			BackupError
		);
	});
});
