// Starts the built app for the browser tests on a fresh copy of the demo database, and keeps
// everything the server prints in test-results/server.log, which the tests read.
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';

const path = process.env.DATABASE_PATH ?? 'test-results/e2e.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });

mkdirSync('test-results', { recursive: true });
const log = createWriteStream('test-results/server.log');
for (const stream of [process.stdout, process.stderr]) {
	const write = stream.write.bind(stream) as (chunk: string | Uint8Array) => boolean;
	stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		log.write(chunk);
		return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof stream.write;
}

await import('./demo.ts');
