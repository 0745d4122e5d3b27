// npm run demo: migrates the database at DATABASE_PATH, loads the demo district when the file
// is new, then serves the built app. Never for production: demo accounts have known passwords.
import { existsSync } from 'node:fs';
import { databasePath, getDb } from '../src/lib/server/db/index.ts';
import { migrateToLatest } from '../src/lib/server/db/migrate.ts';
import { DEMO_PASSWORD, demoAccounts } from '../src/lib/server/demo/accounts.ts';
import { loadDemoData } from '../src/lib/server/demo/load.ts';

if (process.env.NODE_ENV === 'production') {
	console.error('The demo loads accounts with known passwords: it does not run in production.');
	process.exit(1);
}

const isNew = !existsSync(databasePath);
const db = getDb();
await migrateToLatest(db);
if (isNew) {
	await loadDemoData(db);
	console.log(`Loaded the demo district into ${databasePath}.`);
} else {
	console.log(`Using the existing database ${databasePath} (delete it to start afresh).`);
}
await db.destroy();

process.env.PORT ??= '3000';
// School imports upload files of up to 10 MB (adapter-node's default limit is 512 KB).
process.env.BODY_SIZE_LIMIT ??= '11M';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
await import('../build/index.js');
console.log(`\nPrevention Bell demo: ${process.env.ORIGIN}  (English: ${process.env.ORIGIN}/en)`);
console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
for (const account of demoAccounts) console.log(`  ${account.email.padEnd(20)} ${account.role}`);
