import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createClosure,
	deleteClosure,
	updateClosure
} from '../../../src/lib/server/closures/service.ts';
import { changeCampaignEvent } from '../../../src/lib/server/campaigns/events.ts';
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

// A closure entered after a campaign was planned flags exactly the scheduled events on its days
// at the centres it closes ("needs attention", with the closure), in the closure's transaction;
// nothing is deleted. Moving or removing the closure looks at its flags again.

describe('a closure added afterwards', () => {
	let world: CampaignWorld;
	let dowlab: number;
	let shahin: number;
	beforeEach(async () => {
		world = await createCampaignWorld();
		dowlab = await newCampaign(world);
		shahin = await newCampaign(
			world,
			{ center_id: await world.centerOf('شاهین') },
			{ actor: world.manager2 }
		);
	});
	afterEach(async () => world.db.destroy());

	const flagged = async (campaignId: number) =>
		(await eventsOf(world.db, campaignId))
			.filter((e) => e.needs_attention)
			.map((e) => [e.date, e.attention_closure_id]);

	it('flags exactly the events on its days, at every centre for a holiday', async () => {
		const holiday = await createClosure(
			world.db,
			world.adminActor,
			closure(world, SUNDAYS[1]!, { ends_on: SUNDAYS[2]! })
		);
		if (!holiday.ok) throw new Error('closure refused');
		expect(await flagged(dowlab)).toEqual([
			[SUNDAYS[1], holiday.id],
			[SUNDAYS[2], holiday.id]
		]);
		expect(await flagged(shahin)).toEqual([
			[SUNDAYS[1], holiday.id],
			[SUNDAYS[2], holiday.id]
		]);
		// Nothing is deleted.
		expect(await eventsOf(world.db, dowlab)).toHaveLength(SUNDAYS.length);
	});

	it('flags only its own centre’s events for a centre’s closure, none for a school’s', async () => {
		const centre = await createClosure(
			world.db,
			world.adminActor,
			closure(world, SUNDAYS[3]!, { kind: 'center', center_id: world.dowlab.centerId })
		);
		await createClosure(
			world.db,
			world.adminActor,
			closure(world, SUNDAYS[0]!, { kind: 'school', school_id: world.dowlab.schoolId })
		);
		if (!centre.ok) throw new Error('closure refused');
		expect(await flagged(dowlab)).toEqual([[SUNDAYS[3], centre.id]]);
		expect(await flagged(shahin)).toEqual([]);
	});

	it('leaves cancelled events alone', async () => {
		const event = await eventOn(world.db, dowlab, SUNDAYS[0]!);
		await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId: dowlab, eventId: event.id, version: 1 },
			{ action: 'cancel', reason: 'باران' },
			NOW
		);
		await createClosure(world.db, world.adminActor, closure(world, SUNDAYS[0]!));
		expect(await flagged(dowlab)).toEqual([]);
	});

	it('moves its flags when its days change, and lifts them when it goes', async () => {
		const created = await createClosure(world.db, world.adminActor, closure(world, SUNDAYS[1]!));
		if (!created.ok) throw new Error('closure refused');
		await updateClosure(
			world.db,
			world.adminActor,
			created.id,
			1,
			closure(world, SUNDAYS[4]!),
			NOW
		);
		expect(await flagged(dowlab)).toEqual([[SUNDAYS[4], created.id]]);

		// Another closure on the same day keeps the event flagged when the first goes.
		const second = await createClosure(
			world.db,
			world.adminActor,
			closure(world, SUNDAYS[4]!, { kind: 'center', center_id: world.dowlab.centerId })
		);
		if (!second.ok) throw new Error('closure refused');
		await deleteClosure(world.db, world.adminActor, created.id, 2, NOW);
		expect(await flagged(dowlab)).toEqual([[SUNDAYS[4], second.id]]);
		expect(await flagged(shahin)).toEqual([]);
		await deleteClosure(world.db, world.adminActor, second.id, 1, NOW);
		expect(await flagged(dowlab)).toEqual([]);
	});

	it('is settled by keeping the event, which then stays out of a rule change', async () => {
		await createClosure(world.db, world.adminActor, closure(world, SUNDAYS[1]!));
		const event = await eventOn(world.db, dowlab, SUNDAYS[1]!);
		const kept = await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId: dowlab, eventId: event.id, version: event.version },
			{ action: 'keep' },
			NOW
		);
		expect(kept).toMatchObject({ ok: true });
		expect(await eventOn(world.db, dowlab, SUNDAYS[1]!)).toMatchObject({
			needs_attention: 0,
			attention_closure_id: null,
			touched: 1,
			status: 'scheduled'
		});
		// Keeping is for flagged events only.
		const again = await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId: dowlab, eventId: event.id, version: 2 },
			{ action: 'keep' },
			NOW
		);
		expect(again).toEqual({ ok: false, error: 'wrong_state' });
	});
});
