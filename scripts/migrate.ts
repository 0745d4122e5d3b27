// npm run migrate: brings the database (DATABASE_URL or DATABASE_PATH) to the latest schema.
import { describeDatabase, getDb } from '../src/lib/server/db/index.ts';
import { migrateToLatest } from '../src/lib/server/db/migrate.ts';

const db = getDb();
await migrateToLatest(db);
await db.destroy();
console.log(`Database ${describeDatabase()} is up to date.`);
