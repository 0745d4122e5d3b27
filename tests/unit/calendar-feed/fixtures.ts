import ical, { type VEvent } from 'node-ical';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import type { Locale } from '../../../src/lib/server/db/schema.ts';
import { sessionInstants } from '../../../src/lib/server/bell-sessions/time.ts';
import { buildCalendarFeed } from '../../../src/lib/server/calendar-feed/ics.ts';
import { findFeedOwner } from '../../../src/lib/server/calendar-feed/repository.ts';
import { createCalendarFeed } from '../../../src/lib/server/calendar-feed/service.ts';
import { findUserByEmail } from '../../../src/lib/server/users/repository.ts';
import { NOW } from '../bell-sessions/fixtures.ts';

export const ORIGIN = 'https://bell.example.org';

/** A user's feed as a calendar app reads it: made through their token, parsed with node-ical. */
export async function readFeedOf(
	db: DB,
	email: string
): Promise<{ text: string; events: VEvent[] }> {
	const user = (await findUserByEmail(db, email))!;
	const owner = (await findFeedOwner(db, await createCalendarFeed(db, { id: user.id, ip: null })))!;
	const text = await buildCalendarFeed(db, owner, { origin: ORIGIN, now: NOW });
	const events = Object.values(ical.sync.parseICS(text)).filter(
		(item): item is VEvent => item?.type === 'VEVENT'
	);
	return { text, events };
}

export async function setLocale(db: DB, email: string, locale: Locale): Promise<void> {
	await db.updateTable('users').set({ locale }).where('email', '=', email).execute();
}

/** What a move by the workflow does to the row: new date and time, one version up. */
export async function moveSession(db: DB, id: number, date: string, startTime: string) {
	await db
		.updateTable('bell_sessions')
		.set((eb) => ({
			date,
			start_time: startTime,
			...sessionInstants(date, startTime, 60),
			updated_at: new Date(NOW.getTime() + 60_000).toISOString(),
			version: eb('version', '+', 1)
		}))
		.where('id', '=', id)
		.execute();
}
