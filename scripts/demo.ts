// npm run demo: migrates the database (the SQLite file at DATABASE_PATH, or PostgreSQL at
// DATABASE_URL), loads the demo district when the database holds no district yet, then serves the
// built app. Never for production: demo accounts have known passwords.
import { describeDatabase, getDb } from '../src/lib/server/db/index.ts';
import { migrateToLatest } from '../src/lib/server/db/migrate.ts';
import { DEMO_PASSWORD, demoAccounts } from '../src/lib/server/demo/accounts.ts';
import { loadDemoData } from '../src/lib/server/demo/load.ts';

if (process.env.NODE_ENV === 'production') {
	console.error('The demo loads accounts with known passwords: it does not run in production.');
	process.exit(1);
}

const db = getDb();
await migrateToLatest(db);
const where = describeDatabase();
if (!(await db.selectFrom('districts').select('id').limit(1).executeTakeFirst())) {
	await loadDemoData(db);
	console.log(`Loaded the demo district into ${where}.`);
} else {
	console.log(`Using the existing database ${where} (delete it to start afresh).`);
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
