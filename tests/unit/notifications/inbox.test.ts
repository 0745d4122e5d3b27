import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BellSessionActor } from '../../../src/lib/server/bell-sessions/service.ts';
import {
	NOTIFICATION_PAGE_SIZE,
	countUnreadNotifications,
	listNotifications,
	markAllNotificationsRead,
	markNotificationRead
} from '../../../src/lib/server/notifications/repository.ts';
import {
	NOW,
	TUESDAY,
	actorOf,
	createSessionWorld,
	type SessionWorld
} from '../bell-sessions/fixtures.ts';
import { addDowlabColleagues, freshSession, notify } from './fixtures.ts';

// A user's inbox: their own notifications only, newest first, with an unread count that reading
// one or all of them brings down.

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('the inbox', () => {
	let world: SessionWorld;
	let staff: BellSessionActor;
	let colleague: BellSessionActor;
	let sessionId: number;
	beforeAll(async () => {
		world = await createSessionWorld();
		await addDowlabColleagues(world);
		staff = await actorOf(world.db, 'staff@demo.test');
		colleague = await actorOf(world.db, 'staff-b@test');
	});
	afterAll(async () => world.db.destroy());
	beforeEach(async () => {
		await world.db.deleteFrom('bell_sessions').execute();
		sessionId = await freshSession(world, world.manager);
	});

	/** The id of `user`'s notification of `event` about the session. */
	async function notificationOf(user: { id: number }, event: 'proposed' | 'moved') {
		const row = await world.db
			.selectFrom('notifications')
			.select(['id', 'read_at'])
			.where('user_id', '=', user.id)
			.where('event', '=', event)
			.executeTakeFirstOrThrow();
		return row;
	}

	it('counts the unread notifications of the user', async () => {
		expect(await countUnreadNotifications(world.db, staff)).toBe(0);
		await notify(world, sessionId, 'proposed', world.manager);
		await notify(world, sessionId, 'moved', world.manager, later(5));
		expect(await countUnreadNotifications(world.db, staff)).toBe(2);
		expect(await countUnreadNotifications(world.db, world.manager)).toBe(0);
	});

	it('lists the newest first, with the session as it is now', async () => {
		await notify(world, sessionId, 'proposed', world.manager);
		await notify(world, sessionId, 'moved', world.manager, later(5));
		await world.db
			.updateTable('bell_sessions')
			.set({ status: 'cancelled' })
			.where('id', '=', sessionId)
			.execute();
		const { rows, total } = await listNotifications(world.db, staff, 1);
		expect(total).toBe(2);
		expect(rows.map((r) => r.event)).toEqual(['moved', 'proposed']);
		expect(rows[0]).toMatchObject({
			session_id: sessionId,
			session_status: 'cancelled',
			date: TUESDAY,
			start_time: '08:00',
			topic_en: 'Addiction prevention',
			actor_name: 'مدیر سرای دولاب و خاوران',
			read_at: null
		});
		expect(rows[0]!.school_name).toBeTruthy();
	});

	it('pages the list', async () => {
		for (let i = 0; i < NOTIFICATION_PAGE_SIZE + 3; i++)
			await notify(world, sessionId, 'moved', world.manager, later(i));
		const first = await listNotifications(world.db, staff, 1);
		const second = await listNotifications(world.db, staff, 2);
		expect(first.total).toBe(NOTIFICATION_PAGE_SIZE + 3);
		expect(first.rows).toHaveLength(NOTIFICATION_PAGE_SIZE);
		expect(second.rows).toHaveLength(3);
		expect(second.rows.at(-1)!.created_at).toBe(NOW.toISOString());
	});

	it('marks one notification read for its owner and leads to its session', async () => {
		await notify(world, sessionId, 'proposed', world.manager);
		await notify(world, sessionId, 'moved', world.manager, later(5));
		const { id } = await notificationOf(staff, 'proposed');
		expect(await markNotificationRead(world.db, staff, id, later(10))).toBe(
			`/sessions/${sessionId}`
		);
		expect((await notificationOf(staff, 'proposed')).read_at).toBe(later(10).toISOString());
		expect((await notificationOf(staff, 'moved')).read_at).toBeNull();
		expect(await countUnreadNotifications(world.db, staff)).toBe(1);

		// Opening it again keeps the time it was first read.
		await markNotificationRead(world.db, staff, id, later(20));
		expect((await notificationOf(staff, 'proposed')).read_at).toBe(later(10).toISOString());
	});

	it('does not find or change someone else’s notification', async () => {
		await notify(world, sessionId, 'proposed', world.manager);
		const { id } = await notificationOf(staff, 'proposed');
		expect(await markNotificationRead(world.db, colleague, id, later(10))).toBeNull();
		expect(await markNotificationRead(world.db, world.manager, id, later(10))).toBeNull();
		expect((await notificationOf(staff, 'proposed')).read_at).toBeNull();
		expect(await markNotificationRead(world.db, staff, 999_999, later(10))).toBeNull();
	});

	it('marks all of the user’s notifications read, and nobody else’s', async () => {
		await notify(world, sessionId, 'proposed', world.manager);
		await notify(world, sessionId, 'moved', world.manager, later(5));
		expect(await markAllNotificationsRead(world.db, staff, later(10))).toBe(2);
		expect(await countUnreadNotifications(world.db, staff)).toBe(0);
		expect(await countUnreadNotifications(world.db, colleague)).toBe(2);
		const { rows } = await listNotifications(world.db, staff, 1);
		expect(rows.map((r) => r.read_at)).toEqual([later(10).toISOString(), later(10).toISOString()]);
	});

	it('hides notifications about sessions the user can no longer see', async () => {
		await notify(world, sessionId, 'proposed', world.manager);
		await world.db
			.updateTable('users')
			.set({ school_id: world.shahin.schoolId })
			.where('id', '=', colleague.id)
			.execute();
		const moved = await actorOf(world.db, 'staff-b@test');
		try {
			expect(await countUnreadNotifications(world.db, moved)).toBe(0);
			expect((await listNotifications(world.db, moved, 1)).total).toBe(0);
			const { id } = await notificationOf(moved, 'proposed');
			expect(await markNotificationRead(world.db, moved, id, later(10))).toBeNull();
		} finally {
			await world.db
				.updateTable('users')
				.set({ school_id: world.dowlab.schoolId })
				.where('id', '=', colleague.id)
				.execute();
		}
	});
});
