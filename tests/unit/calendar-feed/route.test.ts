import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { migrateToLatest } from '../../../src/lib/server/db/migrate.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import {
	createCalendarFeed,
	revokeCalendarFeed
} from '../../../src/lib/server/calendar-feed/service.ts';
import { findUserByEmail } from '../../../src/lib/server/users/repository.ts';
import { TODAY } from '../bell-sessions/fixtures.ts';

// The route as a calendar app meets it: no session cookie, only the token in the address.

vi.stubEnv('DATABASE_PATH', ':memory:');
const { getDb } = await import('../../../src/lib/server/db/index.ts');
const { GET } = await import('../../../src/routes/calendar/feed/[token].ics/+server.ts');

type FeedEvent = Parameters<typeof GET>[0];

async function fetchFeed(token: string): Promise<Response> {
	const url = new URL(`https://bell.example.org/calendar/feed/${token}.ics`);
	return GET({ params: { token }, url, locals: { user: null } } as unknown as FeedEvent);
}

async function statusOf(response: Promise<Response>): Promise<number> {
	try {
		return (await response).status;
	} catch (thrown) {
		if (isHttpError(thrown)) return thrown.status;
		throw thrown;
	}
}

describe('GET /calendar/feed/[token].ics', () => {
	let db: DB;
	let staffId: number;
	beforeAll(async () => {
		db = getDb();
		await migrateToLatest(db);
		await seedDemoDistrict(db, TODAY);
		staffId = (await findUserByEmail(db, 'staff@demo.test'))!.id;
	});
	afterAll(async () => db.destroy());

	it('answers an iCalendar the apps may cache briefly, without signing in', async () => {
		const token = await createCalendarFeed(db, { id: staffId, ip: null });
		const response = await fetchFeed(token);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('private, max-age=300');
		expect(await response.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
	});

	it('answers 404 for an unknown, replaced or revoked token', async () => {
		expect(await statusOf(fetchFeed('unknown-token'))).toBe(404);
		const replaced = await createCalendarFeed(db, { id: staffId, ip: null });
		const current = await createCalendarFeed(db, { id: staffId, ip: null });
		expect(await statusOf(fetchFeed(replaced))).toBe(404);
		await revokeCalendarFeed(db, { id: staffId, ip: null });
		expect(await statusOf(fetchFeed(current))).toBe(404);
	});
});
