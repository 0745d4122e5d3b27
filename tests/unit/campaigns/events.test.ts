import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClosure } from '../../../src/lib/server/closures/service.ts';
import { addCampaignEvent } from '../../../src/lib/server/campaigns/add-event.ts';
import { changeCampaignEvent, type EventChange } from '../../../src/lib/server/campaigns/events.ts';
import type { CampaignActor } from '../../../src/lib/server/campaigns/access.ts';
import {
	closure,
	createCampaignWorld,
	eventOn,
	eventsOf,
	newCampaign,
	NOW,
	SUNDAYS,
	type CampaignWorld
} from './fixtures.ts';

// One event changed on its own: moved, cancelled (with a reason) or added, by its centre's
// managers or an admin, refused when the form is stale, without touching the other events.

const move = (date: string, start_time = '17:00'): EventChange => ({
	action: 'move',
	slot: { date, start_time, duration_minutes: 60, place: 'حیاط سرا' },
	reason: 'هم‌زمانی با جلسهٔ شورایاری'
});
const cancel: EventChange = { action: 'cancel', reason: 'تسهیلگر بیمار است' };

describe('changing one event', () => {
	let world: CampaignWorld;
	let campaignId: number;
	beforeEach(async () => {
		world = await createCampaignWorld();
		campaignId = await newCampaign(world);
	});
	afterEach(async () => world.db.destroy());

	async function change(actor: CampaignActor, date: string, what: EventChange, version?: number) {
		const event = await eventOn(world.db, campaignId, date);
		return changeCampaignEvent(
			world.db,
			actor,
			{ campaignId, eventId: event.id, version: version ?? event.version },
			what,
			NOW
		);
	}

	it('moves it alone to a new day, time and place, marked as changed by hand', async () => {
		const before = await eventsOf(world.db, campaignId);
		expect(await change(world.manager, SUNDAYS[1]!, move('2026-12-07'))).toEqual({
			ok: true,
			version: 2
		});
		const after = await eventsOf(world.db, campaignId);
		const moved = after.find((e) => e.id === before[1]!.id)!;
		expect(moved).toMatchObject({
			date: '2026-12-07',
			rule_date: SUNDAYS[1],
			start_time: '17:00',
			duration_minutes: 60,
			starts_at: '2026-12-07T13:30:00.000Z',
			ends_at: '2026-12-07T14:30:00.000Z',
			place: 'حیاط سرا',
			touched: 1,
			version: 2
		});
		expect(after.filter((e) => e.id !== moved.id)).toEqual(before.filter((e) => e.id !== moved.id));
		const audit = await world.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'campaign_event_moved')
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({
			entity_type: 'campaign_event',
			entity_id: moved.id,
			actor_id: world.manager.id,
			reason: 'هم‌زمانی با جلسهٔ شورایاری'
		});
		expect(JSON.parse(audit.before!).date).toBe(SUNDAYS[1]);
		expect(JSON.parse(audit.after!).date).toBe('2026-12-07');
	});

	it('cancels it with its reason, and keeps it listed', async () => {
		expect(await change(world.admin, SUNDAYS[0]!, cancel)).toMatchObject({ ok: true });
		expect(await eventOn(world.db, campaignId, SUNDAYS[0]!)).toMatchObject({
			status: 'cancelled',
			cancel_reason: 'تسهیلگر بیمار است',
			touched: 1
		});
		expect(await change(world.manager, SUNDAYS[0]!, move('2026-12-01'))).toEqual({
			ok: false,
			error: 'wrong_state'
		});
	});

	it('refuses a stale form and changes nothing', async () => {
		await change(world.manager, SUNDAYS[1]!, move('2026-12-07'));
		const before = await eventsOf(world.db, campaignId);
		const event = await eventOn(world.db, campaignId, '2026-12-07');
		for (const what of [move('2026-12-08'), cancel]) {
			const result = await changeCampaignEvent(
				world.db,
				world.admin,
				{ campaignId, eventId: event.id, version: 1 },
				what,
				NOW
			);
			expect(result).toEqual({ ok: false, error: 'stale' });
		}
		expect(await eventsOf(world.db, campaignId)).toEqual(before);
	});

	it('refuses a closed day (naming it), the past, a taken day, and no reason', async () => {
		await createClosure(world.db, world.adminActor, closure(world, '2026-12-08'));
		expect(await change(world.manager, SUNDAYS[1]!, move('2026-12-08'))).toEqual({
			ok: false,
			error: 'refused',
			refusal: {
				problem: 'closure',
				closure: { name_fa: 'شهادت حضرت علی (ع)', name_en: 'Martyrdom of Imam Ali' }
			}
		});
		expect(await change(world.manager, SUNDAYS[1]!, move('2026-11-26'))).toMatchObject({
			refusal: { problem: 'past' }
		});
		expect(await change(world.manager, SUNDAYS[1]!, move(SUNDAYS[2]!))).toMatchObject({
			refusal: { problem: 'date_taken' }
		});
		// The same day at another time is no clash with itself.
		expect(await change(world.manager, SUNDAYS[1]!, move(SUNDAYS[1]!, '18:00'))).toMatchObject({
			ok: true
		});
		expect(await change(world.manager, SUNDAYS[2]!, { action: 'cancel', reason: ' ' })).toEqual({
			ok: false,
			error: 'reason_required'
		});
	});

	it('lets liaisons and school staff read but not change (forbidden), others not even find it', async () => {
		expect(await change(world.liaison, SUNDAYS[0]!, cancel)).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect(await change(world.staff, SUNDAYS[0]!, cancel)).toEqual({
			ok: false,
			error: 'forbidden'
		});
		for (const outsider of [world.manager2, world.staff2])
			expect(await change(outsider, SUNDAYS[0]!, cancel)).toEqual({
				ok: false,
				error: 'not_found'
			});
		expect((await eventOn(world.db, campaignId, SUNDAYS[0]!)).status).toBe('scheduled');
	});

	it('finds an event only through its own campaign', async () => {
		const other = await newCampaign(world, {
			title: 'دیگری',
			weekday: 1,
			first_date: '2026-11-30'
		});
		const [event] = await eventsOf(world.db, other);
		const result = await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId, eventId: event!.id, version: 1 },
			cancel,
			NOW
		);
		expect(result).toEqual({ ok: false, error: 'not_found' });
	});

	it('adds a date by hand, audited, and not on a day it already has', async () => {
		const slot = { date: '2026-12-25', start_time: '10:00', duration_minutes: 120, place: null };
		const added = await addCampaignEvent(world.db, world.manager, campaignId, slot, NOW);
		expect(added).toMatchObject({ ok: true });
		expect(await eventOn(world.db, campaignId, '2026-12-25')).toMatchObject({
			rule_date: null,
			touched: 1,
			start_time: '10:00',
			duration_minutes: 120
		});
		expect(await addCampaignEvent(world.db, world.manager, campaignId, slot, NOW)).toMatchObject({
			refusal: { problem: 'date_taken' }
		});
		expect(await addCampaignEvent(world.db, world.liaison, campaignId, slot, NOW)).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect(await addCampaignEvent(world.db, world.manager2, campaignId, slot, NOW)).toEqual({
			ok: false,
			error: 'not_found'
		});
		const audit = await world.db
			.selectFrom('audit_log')
			.select('entity_id')
			.where('action', '=', 'campaign_event_added')
			.execute();
		expect(audit).toHaveLength(1);
	});
});
