import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCampaignEvent } from '../../../src/lib/server/campaigns/add-event.ts';
import { findCentersInScope } from '../../../src/lib/server/campaigns/centers.ts';
import { changeCampaignEvent } from '../../../src/lib/server/campaigns/events.ts';
import {
	findCampaignInScope,
	listCampaigns
} from '../../../src/lib/server/campaigns/repository.ts';
import { reviewRuleChange } from '../../../src/lib/server/campaigns/rule-change.ts';
import {
	campaignInput,
	createCampaignWorld,
	eventsOf,
	newCampaign,
	NOW,
	type CampaignWorld
} from './fixtures.ts';

// Who reads which campaign: managers their own centres', admins and liaisons their districts',
// school staff their school's neighbourhood centre's; anyone else finds nothing (404).

describe('campaigns in scope', () => {
	let world: CampaignWorld;
	let dowlab: number;
	let khavaran: number;
	let shahin: number;
	beforeAll(async () => {
		world = await createCampaignWorld();
		dowlab = await newCampaign(world);
		khavaran = await newCampaign(world, {
			center_id: await world.centerOf('خاوران'),
			title: 'خانوادهٔ آگاه',
			first_date: '2027-01-03',
			last_date: '2027-02-28'
		});
		shahin = await newCampaign(
			world,
			{ center_id: await world.centerOf('شاهین'), title: 'فضای مجازی امن' },
			{ actor: world.manager2 }
		);
	});
	afterAll(async () => world.db.destroy());

	const visible = async (user: CampaignWorld['manager']) => {
		const found = [];
		for (const id of [dowlab, khavaran, shahin])
			if (await findCampaignInScope(world.db, user, id)) found.push(id);
		return found;
	};

	it('shows each user only the campaigns of their scope', async () => {
		expect(await visible(world.manager)).toEqual([dowlab, khavaran]);
		expect(await visible(world.manager2)).toEqual([shahin]);
		expect(await visible(world.admin)).toEqual([dowlab, khavaran, shahin]);
		expect(await visible(world.liaison)).toEqual([dowlab, khavaran, shahin]);
		expect(await visible(world.staff)).toEqual([dowlab]);
		expect(await visible(world.staff2)).toEqual([shahin]);
	});

	it('lists them latest first, by centre and by period, with their event counts', async () => {
		const today = '2026-12-01';
		const all = await listCampaigns(world.db, world.admin, {}, 1, today);
		expect(all.total).toBe(3);
		// The latest first date first; the same first date, the later campaign first.
		expect(all.rows.map((r) => r.id)).toEqual([khavaran, shahin, dowlab]);
		expect(all.rows.find((r) => r.id === dowlab)).toMatchObject({
			center_name: 'سرای محله دولاب',
			scheduled: 5,
			cancelled: 0,
			needs_attention: 0,
			creator_name: 'مدیر سرای دولاب و خاوران'
		});
		// Counted per campaign: one event cancelled and one needing attention show as such.
		const [first, second] = await eventsOf(world.db, dowlab);
		const set = (
			id: number,
			values: { status?: 'cancelled'; cancel_reason?: string; needs_attention?: number }
		) => world.db.updateTable('campaign_events').set(values).where('id', '=', id).execute();
		await set(first!.id, { status: 'cancelled', cancel_reason: 'باران' });
		await set(second!.id, { needs_attention: 1 });
		const counted = await listCampaigns(world.db, world.admin, {}, 1, today);
		expect(counted.rows.find((r) => r.id === dowlab)).toMatchObject({
			scheduled: 4,
			cancelled: 1,
			needs_attention: 1
		});
		expect(counted.rows.find((r) => r.id === shahin)).toMatchObject(
			all.rows.find((r) => r.id === shahin)!
		);
		await world.db
			.updateTable('campaign_events')
			.set({ status: first!.status, cancel_reason: null, needs_attention: 0 })
			.where('id', 'in', [first!.id, second!.id])
			.execute();
		const byCentre = await listCampaigns(
			world.db,
			world.admin,
			{ centerId: world.dowlab.centerId },
			1,
			today
		);
		expect(byCentre.rows.map((r) => r.id)).toEqual([dowlab]);
		const upcoming = await listCampaigns(world.db, world.manager, { period: 'upcoming' }, 1, today);
		expect(upcoming.rows.map((r) => r.id)).toEqual([khavaran]);
		const running = await listCampaigns(world.db, world.manager, { period: 'running' }, 1, today);
		expect(running.rows.map((r) => r.id)).toEqual([dowlab]);
		const outside = await listCampaigns(
			world.db,
			world.manager,
			{ centerId: await world.centerOf('شاهین') },
			1,
			today
		);
		expect(outside.total).toBe(0);
	});

	it('does not let manager@ change a campaign at manager2@’s centre: not found', async () => {
		const before = await eventsOf(world.db, shahin);
		const [event] = before;
		const cancel = await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId: shahin, eventId: event!.id, version: event!.version },
			{ action: 'cancel', reason: 'آزمون' },
			NOW
		);
		expect(cancel).toEqual({ ok: false, error: 'not_found' });
		const slot = { date: '2026-12-24', start_time: '10:00', duration_minutes: 60, place: null };
		expect(await addCampaignEvent(world.db, world.manager, shahin, slot, NOW)).toEqual({
			ok: false,
			error: 'not_found'
		});
		const { center_id: _center, ...rule } = campaignInput(world, { start_time: '18:00' });
		expect(await reviewRuleChange(world.db, world.manager, shahin, rule, NOW)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await eventsOf(world.db, shahin)).toEqual(before);
	});
});

describe("the campaign list's centre filter", () => {
	let world: CampaignWorld;
	beforeAll(async () => {
		world = await createCampaignWorld();
	});
	afterAll(async () => world.db.destroy());

	it('offers a manager their centres and an admin every centre of the district', async () => {
		const names = async (user: CampaignWorld['manager']) =>
			(await findCentersInScope(world.db, user)).map((c) => c.name).sort();
		expect(await names(world.manager)).toEqual(['سرای محله خاوران', 'سرای محله دولاب']);
		expect(await names(world.admin)).toHaveLength(25);
	});

	it('over more centres than a select should hold, offers only the one chosen', async () => {
		const dowlab = await world.centerOf('دولاب');
		expect(await findCentersInScope(world.db, world.admin, undefined, 10)).toEqual([]);
		expect(await findCentersInScope(world.db, world.admin, dowlab, 10)).toEqual([
			{ id: dowlab, name: 'سرای محله دولاب' }
		]);
		expect(await findCentersInScope(world.db, world.admin, undefined, 25)).toHaveLength(25);
	});
});
