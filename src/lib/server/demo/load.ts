import type { DB } from '../db/connect.ts';
import { todayInTehran } from '../../i18n/jalali.ts';
import { seedDemoAttendance } from './attendance.ts';
import { seedDemoCampaigns } from './campaigns.ts';
import { seedDemoClosures, seedDemoDistrict } from './seed.ts';
import { seedDemoSessions } from './sessions.ts';

/** Everything `npm run demo` loads into a new, migrated database, as of `now`. */
export async function loadDemoData(db: DB, now = new Date()): Promise<void> {
	await seedDemoDistrict(db, todayInTehran(now));
	await seedDemoClosures(db);
	await seedDemoSessions(db, now);
	await seedDemoCampaigns(db, now);
	await seedDemoAttendance(db, now);
}
