import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../src/lib/server/db/connect.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { seedDemoDistrict } from '../../src/lib/server/demo/seed.ts';

// Crash safety: a writer process is killed with SIGKILL at a random moment, again and again.
// After each kill the database must pass SQLite's integrity and foreign-key checks, and every
// write the writer reported as committed must be there.

const writer = join(import.meta.dirname, 'writer.ts');

export interface RoundResult {
	round: number;
	acknowledged: number;
	/** When the writer was killed, in ms after its first acknowledged write (drawn at random). */
	killedAfterMs: number;
	problems: string[];
}

/** A writer killed `ms` after its first acknowledged write (or after a minute without one). */
function killWhileWriting(path: string, first: number, ms: number): Promise<number[]> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [writer, path, String(first)], { stdio: 'pipe' });
		const acks: number[] = [];
		let buffer = '';
		let errors = '';
		const kill = () => child.kill('SIGKILL');
		// Counted from the first write, not from the start: on a busy machine starting Node can
		// take longer than the whole delay, and a round without a write tests nothing.
		let timer = setTimeout(kill, 60_000);
		child.stdout.on('data', (chunk: Buffer) => {
			if (!acks.length) {
				clearTimeout(timer);
				timer = setTimeout(kill, ms);
			}
			buffer += chunk.toString();
			const lines = buffer.split('\n');
			buffer = lines.pop() ?? '';
			for (const line of lines) if (line.startsWith('ack ')) acks.push(Number(line.slice(4)));
		});
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		// 'close' comes after the last of its output has been read.
		child.on('close', (_code, signal) => {
			clearTimeout(timer);
			if (signal !== 'SIGKILL') reject(new Error(`The writer stopped by itself: ${errors}`));
			else resolve(acks);
		});
	});
}

function check(path: string, acknowledged: number[]): { problems: string[]; highest: number } {
	const db = new SQLite(path);
	try {
		const problems: string[] = [];
		const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
			.map((r) => r.integrity_check)
			.join('; ');
		if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
		const broken = db.pragma('foreign_key_check') as unknown[];
		if (broken.length) problems.push(`${broken.length} broken foreign keys`);
		const names = new Set(
			(
				db.prepare("select name_fa from closures where name_fa like 'crash-%'").all() as {
					name_fa: string;
				}[]
			).map((r) => r.name_fa)
		);
		const missing = acknowledged.filter((n) => !names.has(`crash-${n}`));
		if (missing.length) problems.push(`acknowledged writes missing: ${missing.join(', ')}`);
		// Each closure's audit entry came in the same transaction.
		const unaudited = db
			.prepare(
				`select count(*) as n from closures c where c.name_fa like 'crash-%' and not exists
				 (select 1 from audit_log a where a.entity_type = 'closure' and a.entity_id = c.id)`
			)
			.get() as { n: number };
		if (unaudited.n) problems.push(`${unaudited.n} closures without their audit entry`);
		const numbers = [...names].map((name) => Number(name.slice(6)));
		return { problems, highest: numbers.length ? Math.max(...numbers) : -1 };
	} finally {
		db.close();
	}
}

/** Runs `rounds` kills on a fresh demo database; `log` hears each round. */
export async function runCrashRounds(
	rounds: number,
	log: (result: RoundResult) => void = () => {}
): Promise<RoundResult[]> {
	const dir = mkdtempSync(join(tmpdir(), 'bell-crash-'));
	const path = join(dir, 'crash.db');
	try {
		const db = openDatabase(path);
		await migrateToLatest(db);
		await seedDemoDistrict(db, '2026-11-26');
		await db.destroy();
		const results: RoundResult[] = [];
		let next = 0;
		for (let round = 1; round <= rounds; round++) {
			// Anywhere in the writing: between commits, within one, in the middle of a checkpoint.
			const killedAfterMs = Math.round(Math.random() * 600);
			const acks = await killWhileWriting(path, next, killedAfterMs);
			const { problems, highest } = check(path, acks);
			if (!acks.length) problems.push('no write was acknowledged within a minute');
			next = highest + 1;
			const result = { round, acknowledged: acks.length, killedAfterMs, problems };
			log(result);
			results.push(result);
		}
		return results;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
