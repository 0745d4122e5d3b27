// npm run restore -- <file>: puts a backup in place of the database at DATABASE_PATH. Stop the
// server first (the restore refuses while any program has the database open); start it again
// afterwards (it applies any newer migrations on start).
import { databaseTarget } from '../src/lib/server/db/index.ts';
import { restoreDatabase } from '../src/lib/server/db/backup.ts';

const backup = process.argv[2];
if (!backup) {
	console.error('Usage: npm run restore -- <file>   (with the server stopped)');
	process.exit(2);
}
try {
	const { keptAs } = restoreDatabase(backup, databaseTarget);
	console.log(`Restored ${backup} to ${databaseTarget}.`);
	if (keptAs) console.log(`The previous database is kept as ${keptAs}.`);
} catch (error) {
	console.error(`Restore failed: ${(error as Error).message}`);
	process.exit(1);
}
