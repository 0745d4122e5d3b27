import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VEvent } from 'node-ical';
import { loadCalendarMonth } from '../../../src/lib/server/calendar/month.ts';
import { createClosure } from '../../../src/lib/server/closures/service.ts';
import { changeCampaignEvent } from '../../../src/lib/server/campaigns/events.ts';
import { findCampaignEventsNeedingAction } from '../../../src/lib/server/campaigns/needs-action.ts';
import { readFeedOf } from '../calendar-feed/fixtures.ts';
import {
	closure,
	createCampaignWorld,
	eventOn,
	newCampaign,
	NOW,
	SUNDAYS,
	type CampaignWorld
} from './fixtures.ts';

// Campaign events are wherever sessions are: the calendar, every calendar feed in scope, and the
// home page's "needs your action".

const uid = (id: number) => `campaign-event-${id}@prevention-bell`;

describe('campaign events everywhere', () => {
	let world: CampaignWorld;
	let campaignId: number;
	let first: number;
	let second: number;
	beforeAll(async () => {
		world = await createCampaignWorld();
		campaignId = await newCampaign(world);
		first = (await eventOn(world.db, campaignId, SUNDAYS[0]!)).id;
		second = (await eventOn(world.db, campaignId, SUNDAYS[1]!)).id;
		await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId, eventId: first, version: 1 },
			{
				action: 'move',
				slot: { date: '2026-11-30', start_time: '17:00', duration_minutes: 90, place: null },
				reason: 'جشن محله'
			},
			NOW
		);
		await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId, eventId: second, version: 1 },
			{ action: 'cancel', reason: 'باران' },
			NOW
		);
	});
	afterAll(async () => world.db.destroy());

	const eventIn = (events: VEvent[], id: number) => events.find((e) => e.uid === uid(id));

	it('are in the feeds of everyone whose scope holds the centre, moved and cancelled', async () => {
		for (const email of [
			'manager@demo.test',
			'admin@demo.test',
			'liaison@demo.test',
			'staff@demo.test'
		]) {
			const { events } = await readFeedOf(world.db, email);
			const moved = eventIn(events, first);
			expect(moved, email).toBeDefined();
			expect(moved!.start.toISOString()).toBe('2026-11-30T13:30:00.000Z');
			expect(Number(moved!.sequence)).toBe(1);
			expect(moved!.status).toBe('CONFIRMED');
			const cancelled = eventIn(events, second)!;
			expect(cancelled.status).toBe('CANCELLED');
			expect(Number(cancelled.sequence)).toBe(1);
		}
		for (const email of ['manager2@demo.test', 'staff2@demo.test']) {
			const { events } = await readFeedOf(world.db, email);
			expect(eventIn(events, first), email).toBeUndefined();
		}
	});

	it('say what, where and when in the feed, in Tehran time', async () => {
		const { text, events } = await readFeedOf(world.db, 'manager@demo.test');
		const moved = eventIn(events, first)!;
		expect(moved.summary).toBe('پویش یکشنبه: یکشنبه‌های بدون اعتیاد، سرای محله دولاب');
		expect(eventIn(events, second)!.summary).toBe(
			'(لغوشده) پویش یکشنبه: یکشنبه‌های بدون اعتیاد، سرای محله دولاب'
		);
		expect(moved.description).toContain('موضوع: پیشگیری از اعتیاد');
		expect(text).toContain('DTSTART;TZID=Asia/Tehran:20261130T170000');
		expect(text).toContain(`/campaigns/${campaignId}#event-${first}`);
	});

	it('are on the calendar month of the users in scope', async () => {
		const month = await loadCalendarMonth(world.db, world.staff, 'fa', '1405-09', '2026-11-27');
		const entries = month.weeks.flat().flatMap((day) => day?.entries ?? []);
		const moved = entries.find((e) => e.key === `campaign_event:${first}`);
		expect(moved).toMatchObject({
			date: '2026-11-30',
			title: 'یکشنبه‌های بدون اعتیاد',
			place: 'سرای محله دولاب',
			status: 'برنامه‌ریزی‌شده',
			inactive: false,
			href: `/campaigns/${campaignId}#event-${first}`
		});
		const other = await loadCalendarMonth(world.db, world.manager2, 'fa', '1405-09', '2026-11-27');
		expect(
			other.weeks
				.flat()
				.flatMap((day) => day?.entries ?? [])
				.some((e) => e.key.startsWith('campaign'))
		).toBe(false);
	});

	it('ask for attendance once past, and for a decision on a day closed later', async () => {
		await createClosure(world.db, world.adminActor, closure(world, SUNDAYS[3]!));
		// A week after the moved event (which ended on 2026-11-30).
		const later = new Date('2026-12-07T09:00:00.000Z');
		const kinds = async (user: Parameters<typeof findCampaignEventsNeedingAction>[1]) =>
			Object.fromEntries(
				(await findCampaignEventsNeedingAction(world.db, user, later)).map((list) => [
					list.kind,
					list.rows.map((row) => row.date)
				])
			);
		const managers = {
			event_needs_attention: [SUNDAYS[3]],
			event_attendance_overdue: ['2026-11-30']
		};
		expect(await kinds(world.manager)).toEqual(managers);
		expect(await kinds(world.admin)).toEqual(managers);
		expect(await kinds(world.liaison)).toEqual({ event_attendance_overdue: ['2026-11-30'] });
		expect(await kinds(world.staff)).toEqual({});
		expect(await kinds(world.manager2)).toEqual({
			event_needs_attention: [],
			event_attendance_overdue: []
		});
	});
});
