import { expect, test } from '@playwright/test';
import { signIn as signInWithFetch } from '../../scripts/bench/server.ts';
import { attendanceCorrections, findWriteTargets } from '../../scripts/bench/writes.ts';
import { runScript } from '../helpers/processes.ts';
import { readAttendance } from './attendance-snapshot';
import { copyE2eDatabase, freePort, startBuiltServer } from './built-server';
import { signIn } from './helpers';

// `npm run backup` taken while the running server writes what people save over HTTP, and
// `npm run restore` of one copy with the server stopped. The built app runs on a copy of the
// browser tests' database; each held session of manager@'s centres has its own writer (signed
// in as manager@ or admin@, both may correct it), opening the attendance form and saving a
// changed teachers' count over and over, as the soak's writers do (scripts/bench/writes.ts).

interface Answer {
	sessionId: number;
	method: string;
	status: number;
	at: number;
}

/** Corrects one session's attendance through its form until `done()`; every answer is logged. */
async function correctRepeatedly(
	origin: string,
	cookie: string,
	sessionId: number,
	done: () => boolean,
	log: Answer[]
): Promise<void> {
	const steps = attendanceCorrections(origin, { cookie, accept: 'text/html' }, [sessionId]);
	while (!done()) {
		const context = {};
		for (const step of steps) {
			const sent = step.setupRequest!(step, context);
			if (!sent) break;
			const response = await fetch(origin + sent.path, {
				method: sent.method,
				headers: sent.headers,
				body: sent.body,
				redirect: 'manual'
			});
			const body = await response.text();
			log.push({ sessionId, method: sent.method, status: response.status, at: performance.now() });
			step.onResponse?.(response.status, body, context);
		}
	}
}

/** Saves answered 303 (committed) per session, up to `until`. */
function acknowledged(log: Answer[], until = Infinity): Map<number, number> {
	const counts = new Map<number, number>();
	for (const { sessionId, method, status, at } of log)
		if (method === 'POST' && status === 303 && at < until)
			counts.set(sessionId, (counts.get(sessionId) ?? 0) + 1);
	return counts;
}

test('backups taken while people save attendance over HTTP are whole snapshots; one restores', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const live = test.info().outputPath('live.db');
	await copyE2eDatabase(live);
	const before = readAttendance(live);
	expect(before.torn).toEqual([]);
	const { sessionIds } = await findWriteTargets(live, 'manager@demo.test');
	expect(sessionIds.length, "manager@'s held sessions").toBeGreaterThan(0);

	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let server = await startBuiltServer({ ORIGIN: origin }, port, live);
	const log: Answer[] = [];
	let stopWriting = false;
	const writers = await Promise.all(
		sessionIds.map((id, i) =>
			signInWithFetch(origin, i % 2 ? 'admin@demo.test' : 'manager@demo.test').then(
				(cookie) => () => correctRepeatedly(origin, cookie, id, () => stopWriting, log)
			)
		)
	);
	const writing = Promise.all(writers.map((write) => write()));

	const copies: ReturnType<typeof readAttendance>[] = [];
	for (let i = 0; i < 3; i++) {
		const ackedBefore = await waitForMoreAcks(log, 5);
		const copy = test.info().outputPath(`copy-${i}.db`);
		const started = performance.now();
		const run = await runScript('backup', copy, live);
		const ended = performance.now();
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toContain('integrity ok');
		// The server went on saving while the backup ran.
		const during = log.filter((a) => a.method === 'POST' && a.at > started && a.at < ended);
		expect(during.length, 'saves answered during the backup').toBeGreaterThan(0);
		test.info().annotations.push({
			type: `backup ${i}`,
			description: `${Math.round(ended - started)} ms, ${during.length} saves answered meanwhile`
		});
		const found = readAttendance(copy);
		expect(found.integrity).toBe('ok');
		expect(found.brokenKeys).toBe(0);
		expect(found.torn).toEqual([]);
		// Every save acknowledged before the backup started is in the copy.
		for (const id of sessionIds) {
			const saved = found.sessions.get(id)!.version - before.sessions.get(id)!.version;
			expect(saved, `session ${id}`).toBeGreaterThanOrEqual(ackedBefore.get(id) ?? 0);
		}
		copies.push(found);
	}
	stopWriting = true;
	await writing;
	// No save was refused or failed: every form opened (200) and every save was answered 303.
	expect(log.filter((a) => a.status !== (a.method === 'GET' ? 200 : 303))).toEqual([]);
	await server.stop();
	test.info().annotations.push({
		type: 'writers',
		description: `${sessionIds.length} (sessions ${sessionIds.join(', ')}), ${log.length} answers`
	});

	// The live file holds every acknowledged save and nothing else.
	const after = readAttendance(live);
	expect(after.torn).toEqual([]);
	const acked = acknowledged(log);
	for (const id of sessionIds)
		expect(after.sessions.get(id)!.version - before.sessions.get(id)!.version).toBe(acked.get(id));
	expect(copies[2]!.sessions.get(sessionIds[0]!)!.version).toBeGreaterThan(
		copies[0]!.sessions.get(sessionIds[0]!)!.version
	);

	// Restore the first copy with the server stopped, then start the server on it.
	const restore = await runScript('restore', test.info().outputPath('copy-0.db'), live);
	expect(restore.code, restore.stderr).toBe(0);
	expect(restore.stdout).toContain('The previous database is kept as');
	const restored = readAttendance(live);
	expect(restored).toEqual(copies[0]);
	server = await startBuiltServer({ ORIGIN: origin }, port, live);
	try {
		const context = await browser.newContext({ baseURL: origin });
		const page = await context.newPage();
		await signIn(page, 'manager@demo.test');
		const [id] = sessionIds;
		await page.goto(`/sessions/${id}/attendance`);
		await expect(page.getByLabel('معلمان و کارکنان')).toHaveValue(
			String(restored.sessions.get(id!)!.teachers)
		);
		await context.close();
	} finally {
		await server.stop();
	}
});

/** Waits until `more` further saves are acknowledged; answers the acknowledged saves by then. */
async function waitForMoreAcks(log: Answer[], more: number): Promise<Map<number, number>> {
	const total = (counts: Map<number, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
	const target = total(acknowledged(log)) + more;
	for (let i = 0; total(acknowledged(log)) < target; i++) {
		if (i > 200) throw new Error('The writers stopped saving.');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	return acknowledged(log, performance.now());
}
