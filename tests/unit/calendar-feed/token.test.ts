import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import {
	findCalendarFeedCreatedAt,
	findFeedOwner,
	hashFeedToken
} from '../../../src/lib/server/calendar-feed/repository.ts';
import {
	createCalendarFeed,
	revokeCalendarFeed
} from '../../../src/lib/server/calendar-feed/service.ts';
import { findUserByEmail } from '../../../src/lib/server/users/repository.ts';
import { createSessionWorld } from '../bell-sessions/fixtures.ts';

describe('calendar feed addresses', () => {
	let db: DB;
	let staff: { id: number; ip: string };
	beforeEach(async () => {
		db = (await createSessionWorld()).db;
		staff = { id: (await findUserByEmail(db, 'staff@demo.test'))!.id, ip: '10.14.0.9' };
	});
	afterEach(async () => db.destroy());

	it('makes a 256-bit URL-safe token that finds its owner with their scope and language', async () => {
		const token = await createCalendarFeed(db, staff);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const owner = await findFeedOwner(db, token);
		expect(owner).toMatchObject({ id: staff.id, role: 'school_staff', locale: 'fa' });
		expect(owner?.scope.schoolId).not.toBeNull();
		expect(await findFeedOwner(db, 'unknown-token')).toBeNull();
	});

	it('keeps only a SHA-256 of the token, never the token itself', async () => {
		const token = await createCalendarFeed(db, staff);
		const rows = await db.selectFrom('calendar_feeds').selectAll().execute();
		expect(rows).toEqual([
			{ user_id: staff.id, token_hash: hashFeedToken(token), created_at: expect.any(String) }
		]);
		expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
		const audit = await db.selectFrom('audit_log').selectAll().execute();
		expect(JSON.stringify(audit)).not.toContain(token);
		expect(JSON.stringify(audit)).not.toContain(hashFeedToken(token));
	});

	it('revokes the old address when a new one is made', async () => {
		const old = await createCalendarFeed(db, staff);
		const fresh = await createCalendarFeed(db, staff);
		expect(fresh).not.toBe(old);
		expect(await findFeedOwner(db, old)).toBeNull();
		expect((await findFeedOwner(db, fresh))?.id).toBe(staff.id);
	});

	it('finds no one once the address is revoked, and says whether there was one', async () => {
		const token = await createCalendarFeed(db, staff);
		expect(await findCalendarFeedCreatedAt(db, staff.id)).not.toBeNull();
		expect(await revokeCalendarFeed(db, staff)).toBe(true);
		expect(await findFeedOwner(db, token)).toBeNull();
		expect(await findCalendarFeedCreatedAt(db, staff.id)).toBeNull();
		expect(await revokeCalendarFeed(db, staff)).toBe(false);
	});

	it('finds no one for an inactive user', async () => {
		const token = await createCalendarFeed(db, staff);
		await db.updateTable('users').set({ active: 0 }).where('id', '=', staff.id).execute();
		expect(await findFeedOwner(db, token)).toBeNull();
	});

	it('audits making and revoking, by whom and from where', async () => {
		await createCalendarFeed(db, staff);
		await createCalendarFeed(db, staff);
		await revokeCalendarFeed(db, staff);
		await revokeCalendarFeed(db, staff);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'ip', 'entity_type', 'entity_id', 'before'])
			.where('action', 'like', 'calendar_feed_%')
			.orderBy('id')
			.execute();
		const entry = { actor_id: staff.id, ip: '10.14.0.9', entity_type: 'user', entity_id: staff.id };
		expect(audit).toEqual([
			{ ...entry, action: 'calendar_feed_created', before: null },
			{ ...entry, action: 'calendar_feed_created', before: expect.stringContaining('created_at') },
			{ ...entry, action: 'calendar_feed_revoked', before: null }
		]);
	});
});
