import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { childrenOf } from '../../scripts/bench/server.ts';
import { openDatabase } from '../../src/lib/server/db/connect.ts';
import { findFeedbackTarget } from '../../src/lib/server/feedback/target.ts';
import { answerCap } from '../../src/lib/server/feedback/rules.ts';
import { ANSWERS_PER_ADDRESS } from '../../src/lib/server/feedback/rate-limit.ts';
import { copyE2eDatabase, freePort, startBuiltServer } from './built-server';
import { openFeedbackFormPath } from './helpers';

// `npm start` with two workers on a copy of the browser tests' database: what one process kept in
// memory (a rate limit, a count) must hold across both, a worker that dies is replaced, and a
// stop lets the requests in flight finish. Each answer here goes on a connection of its own, so
// the cluster hands them to the two workers in turn, each from its own loopback address.

test.describe.configure({ mode: 'serial' });

let dir: string;
let database: string;
let server: Awaited<ReturnType<typeof startBuiltServer>>;
let origin: string;

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'bell-workers-'));
	database = join(dir, 'workers.db');
	await copyE2eDatabase(database);
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	server = await startBuiltServer({ ORIGIN: origin, WORKERS: '2' }, port, database);
});
test.afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

/**
 * Answers the form at `path` from the loopback address `from` (127.x.y.z: each its own address to
 * the server), on a new connection: true if the answer was taken.
 */
function answer(path: string, from: string): Promise<boolean | 'rate_limited'> {
	const body = new URLSearchParams({ overall: '4', learned: 'yes', would_recommend: 'yes' });
	return new Promise((resolve, reject) => {
		const req = httpRequest(`${origin}${path}`, {
			method: 'POST',
			localAddress: from,
			agent: false,
			headers: {
				origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			}
		});
		req.on('response', (response) => {
			response.resume();
			if (response.statusCode === 429) return resolve('rate_limited');
			if (response.statusCode !== 303)
				return reject(new Error(`answered ${response.statusCode} from ${from}`));
			// A taken answer marks the browser as having answered; a full form only says it is full.
			resolve(String(response.headers['set-cookie'] ?? '').includes('feedback_'));
		});
		req.on('error', reject);
		req.end(body.toString());
	});
}

/** /healthz's status, asked on a connection of its own. */
function healthOnNewConnection(): Promise<number> {
	return new Promise((resolve, reject) => {
		httpRequest(`${origin}/healthz`, { agent: false }, (response) => {
			response.resume();
			resolve(response.statusCode!);
		})
			.on('error', reject)
			.end();
	});
}

test('two workers share the answers’ limit per address and the cap per form', async () => {
	test.setTimeout(120_000);
	const path = await openFeedbackFormPath(origin);
	const db = openDatabase(database, { poolSize: 1 });
	const target = (await findFeedbackTarget(db, path.slice('/f/'.length)))!;
	await db.destroy();

	// One address: exactly its limit is taken, however the workers share the requests.
	const fromOne: (boolean | 'rate_limited')[] = [];
	for (let i = 0; i < ANSWERS_PER_ADDRESS + 6; i++) fromOne.push(await answer(path, '127.0.9.9'));
	expect(fromOne.filter((a) => a !== 'rate_limited')).toHaveLength(ANSWERS_PER_ADDRESS);
	expect(fromOne.slice(ANSWERS_PER_ADDRESS)).toEqual(Array(6).fill('rate_limited'));

	// Many addresses: the form takes answers up to its cap, not a cap per worker.
	const room = answerCap(target.attendance_total) - target.answers - ANSWERS_PER_ADDRESS;
	expect(room).toBeGreaterThan(0);
	const taken: boolean[] = [];
	for (let i = 0; i < room + 6; i++) {
		const result = await answer(path, `127.8.${i >> 8}.${(i & 255) + 1}`);
		expect(result).not.toBe('rate_limited');
		taken.push(result === true);
	}
	expect(taken.filter(Boolean)).toHaveLength(room);
	expect(taken.slice(room)).toEqual(Array(6).fill(false));
});

test('a worker killed is replaced, and the server goes on answering', async () => {
	test.setTimeout(60_000);
	const before = childrenOf(server.pid);
	expect(before).toHaveLength(2);
	process.kill(before[0]!, 'SIGKILL');
	await expect
		.poll(() => childrenOf(server.pid).filter((pid) => !before.includes(pid)).length, {
			timeout: 30_000
		})
		.toBe(1);
	expect(childrenOf(server.pid)).toHaveLength(2);
	for (let i = 0; i < 6; i++) expect(await healthOnNewConnection()).toBe(200);
});

test('a stop lets the request in flight finish, then every process exits', async () => {
	test.setTimeout(60_000);
	// A sign-in whose body arrives in two parts, the stop given between them.
	const answered = new Promise<number>((resolve, reject) => {
		const req = httpRequest(`${origin}/login`, {
			method: 'POST',
			headers: {
				origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			}
		});
		req.on('response', (response) => {
			response.resume();
			resolve(response.statusCode!);
		});
		req.on('error', reject);
		req.write('email=nobody%40demo.test&');
		setTimeout(() => {
			process.kill(server.pid, 'SIGTERM');
			setTimeout(() => req.end('password=not-the-password'), 1000);
		}, 500);
	});
	// Refused as a wrong password: an answer, not a broken connection.
	expect(await answered).toBe(400);
	const workers = childrenOf(server.pid);
	await expect.poll(() => childrenOf(server.pid).length, { timeout: 30_000 }).toBe(0);
	for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
	await server.stop();
	await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
});
