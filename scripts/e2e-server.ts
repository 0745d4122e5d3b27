// Starts the built app for the browser tests on a fresh copy of the demo database, and keeps
// everything the server prints in SERVER_LOG (test-results/server.log), which the tests read.
// With E2E_ENGINE=postgres the database is PostgreSQL on a temporary server of its own, stopped
// and removed when the browser tests stop this server (SIGTERM).
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { startTemporaryServer } from './postgres/temporary-server.ts';

const logPath = process.env.SERVER_LOG ?? 'test-results/server.log';
mkdirSync(dirname(logPath), { recursive: true });
const log = createWriteStream(logPath);
for (const stream of [process.stdout, process.stderr]) {
	const write = stream.write.bind(stream) as (chunk: string | Uint8Array) => boolean;
	stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		log.write(chunk);
		return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof stream.write;
}

if (process.env.E2E_ENGINE === 'postgres') {
	const server = await startTemporaryServer();
	await server.admin('create database e2e');
	process.env.DATABASE_URL = server.url('e2e');
	const stop = () => server.stop().finally(() => process.exit(0));
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
} else {
	const path = process.env.DATABASE_PATH ?? 'test-results/e2e.db';
	for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

await import('./demo.ts');
