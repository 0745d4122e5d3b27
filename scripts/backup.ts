// npm run backup -- <file>: a consistent copy of the database at DATABASE_PATH, safe while the
// server runs and writes. Schedule it (e.g. cron) and keep the copies somewhere else.
import { databaseTarget } from '../src/lib/server/db/index.ts';
import { backupDatabase } from '../src/lib/server/db/backup.ts';

const target = process.argv[2];
if (!target) {
	console.error('Usage: npm run backup -- <file>');
	process.exit(2);
}
try {
	const pages = await backupDatabase(databaseTarget, target);
	console.log(`Backed up ${databaseTarget} to ${target} (${pages} pages, integrity ok).`);
} catch (error) {
	console.error(`Backup failed: ${(error as Error).message}`);
	process.exit(1);
}
