// Starts the built app for the browser tests on a fresh copy of the demo database.
import { rmSync } from 'node:fs';

const path = process.env.DATABASE_PATH ?? 'test-results/e2e.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
await import('./demo.ts');
