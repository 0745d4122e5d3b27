// npm run migrate: brings the database at DATABASE_PATH to the latest schema.
import { databasePath, getDb } from '../src/lib/server/db/index.ts';
import { migrateToLatest } from '../src/lib/server/db/migrate.ts';

const db = getDb();
await migrateToLatest(db);
await db.destroy();
console.log(`Database ${databasePath} is up to date.`);
