import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeCampaignEvent } from '../../../src/lib/server/campaigns/events.ts';
import {
	countUnreadNotifications,
	listNotifications,
	markNotificationRead
} from '../../../src/lib/server/notifications/repository.ts';
import { notificationText } from '../../../src/routes/inbox/notification-text.ts';
import { actorOf } from '../bell-sessions/fixtures.ts';
import { addUser } from '../notifications/fixtures.ts';
import {
	createCampaignWorld,
	eventOn,
	newCampaign,
	NOW,
	SUNDAYS,
	type CampaignWorld
} from './fixtures.ts';

// A moved or cancelled campaign event is told to its centre's managers and to whoever created the
// campaign, never to the one who did it; the inbox names it and leads to it.

describe('notifications of campaign events', () => {
	let world: CampaignWorld;
	let campaignId: number;
	let colleague: number;
	beforeEach(async () => {
		world = await createCampaignWorld();
		colleague = await addUser(world.db, 'manager-b@test', {
			role: 'center_manager',
			centerId: world.dowlab.centerId
		});
		await addUser(world.db, 'manager-gone@test', {
			role: 'center_manager',
			centerId: world.dowlab.centerId,
			active: 0
		});
		// The admin plans it, so the creator is not one of the centre's managers.
		campaignId = await newCampaign(world, {}, { actor: world.admin });
	});
	afterEach(async () => world.db.destroy());

	async function recipients(event: 'event_moved' | 'event_cancelled') {
		const rows = await world.db
			.selectFrom('notifications')
			.innerJoin('users', 'users.id', 'notifications.user_id')
			.select('users.email')
			.where('notifications.event', '=', event)
			.orderBy('users.email')
			.execute();
		return rows.map((r) => r.email);
	}

	const moveFirst = (actor = world.manager) =>
		eventOn(world.db, campaignId, SUNDAYS[0]!).then((event) =>
			changeCampaignEvent(
				world.db,
				actor,
				{ campaignId, eventId: event.id, version: event.version },
				{
					action: 'move',
					slot: { date: '2026-11-30', start_time: '17:00', duration_minutes: 90, place: null },
					reason: 'جشن محله'
				},
				NOW
			)
		);

	it('tells the other managers and the creator of a move, not the mover', async () => {
		await moveFirst();
		expect(await recipients('event_moved')).toEqual(['admin@demo.test', 'manager-b@test']);
	});

	it('tells the centre’s managers of a cancellation by the admin who created it', async () => {
		const event = await eventOn(world.db, campaignId, SUNDAYS[1]!);
		await changeCampaignEvent(
			world.db,
			world.admin,
			{ campaignId, eventId: event.id, version: 1 },
			{ action: 'cancel', reason: 'باران' },
			NOW
		);
		expect(await recipients('event_cancelled')).toEqual(['manager-b@test', 'manager@demo.test']);
	});

	it('lists it in the inbox with the event as it is now, and leads to it', async () => {
		await moveFirst();
		const reader = await actorOf(world.db, 'manager-b@test');
		expect(await countUnreadNotifications(world.db, reader)).toBe(1);
		const { rows, total } = await listNotifications(world.db, reader, 1);
		expect(total).toBe(1);
		const [row] = rows;
		const event = await eventOn(world.db, campaignId, '2026-11-30');
		expect(row).toMatchObject({
			event: 'event_moved',
			campaign_id: campaignId,
			campaign_event_id: event.id,
			campaign_event_status: 'scheduled',
			campaign_title: 'یکشنبه‌های بدون اعتیاد',
			center_name: 'سرای محله دولاب',
			session_id: null,
			date: '2026-11-30',
			start_time: '17:00',
			actor_name: 'مدیر سرای دولاب و خاوران'
		});
		expect(notificationText(row!, 'fa')).toBe(
			'برنامهٔ پویش «یکشنبه‌های بدون اعتیاد» به ۹ آذر ۱۴۰۵، ساعت ۱۷:۰۰ جابه‌جا شد'
		);
		expect(notificationText(row!, 'en')).toBe(
			'The “یکشنبه‌های بدون اعتیاد” campaign event was moved to 30 November 2026 at 17:00'
		);
		expect(await markNotificationRead(world.db, reader, row!.id, NOW)).toBe(
			`/campaigns/${campaignId}#event-${event.id}`
		);
		expect(await countUnreadNotifications(world.db, reader)).toBe(0);
	});

	it('keeps them from readers outside the centre', async () => {
		await moveFirst();
		const [notification] = await world.db
			.selectFrom('notifications')
			.select('id')
			.where('user_id', '=', colleague)
			.execute();
		await world.db.deleteFrom('user_centers').where('user_id', '=', colleague).execute();
		const moved = await actorOf(world.db, 'manager-b@test');
		expect(await countUnreadNotifications(world.db, moved)).toBe(0);
		expect(await markNotificationRead(world.db, moved, notification!.id, NOW)).toBeNull();
	});
});
