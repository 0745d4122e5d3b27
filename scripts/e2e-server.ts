// Starts the built app for the browser tests on a fresh copy of the demo database, and keeps
// everything the server prints in SERVER_LOG (test-results/server.log), which the tests read.
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

const path = process.env.DATABASE_PATH ?? 'test-results/e2e.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });

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

await import('./demo.ts');
