import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCampaignEventAttendance } from '../../../src/lib/server/attendance/event-service.ts';
import type { CampaignActor } from '../../../src/lib/server/campaigns/access.ts';
import {
	findStaffFeedback,
	saveStaffFeedback,
	type StaffFeedbackInput
} from '../../../src/lib/server/feedback/staff.ts';
import { createEventWorld, eventCounts, type EventWorld } from '../attendance/event-fixtures.ts';

// A centre's managers rate their held campaign events (relevance, facilitator, engagement: 1–5)
// with a comment; saving again edits their own rating with the version check; each save is on
// the event's history. Nobody else rates an event, and an event not yet held is not rated.

describe("the centre's rating of a campaign event", () => {
	let world: EventWorld;
	let held: number;
	let at: Date;
	beforeAll(async () => {
		world = await createEventWorld();
		held = await world.event();
		at = (await world.moments(held)).after;
		await recordCampaignEventAttendance(world.db, world.admin, eventCounts(held), at);
	});
	afterAll(async () => world.db.destroy());

	const input = (values: Partial<StaffFeedbackInput> = {}): StaffFeedbackInput => ({
		subject: { kind: 'campaign_event', id: held },
		version: 0,
		relevance: 4,
		facilitator: 5,
		engagement: 3,
		comment: 'خانواده‌ها با علاقه پرسیدند.',
		...values
	});
	const save = (actor: CampaignActor, values: Partial<StaffFeedbackInput> = {}) =>
		saveStaffFeedback(world.db, actor, input(values), at);

	it('is saved, then edited with the version check, each save on the event’s history', async () => {
		expect(await save(world.manager)).toEqual({ ok: true, version: 1 });
		expect(await save(world.manager, { version: 1, engagement: 5 })).toEqual({
			ok: true,
			version: 2
		});
		expect(await save(world.manager, { version: 1, relevance: 1 })).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await findStaffFeedback(world.db, { kind: 'campaign_event', id: held })).toMatchObject([
			{ user_id: world.manager.id, relevance: 4, engagement: 5, version: 2 }
		]);
		// Not mixed up with a bell session of the same id.
		expect(await findStaffFeedback(world.db, { kind: 'bell_session', id: held })).toEqual([]);
		const entries = await world.db
			.selectFrom('audit_log')
			.select(['actor_id', 'before', 'after'])
			.where('action', '=', 'staff_feedback_saved')
			.where('entity_type', '=', 'campaign_event')
			.where('entity_id', '=', held)
			.orderBy('id')
			.execute();
		expect(entries).toHaveLength(2);
		expect(entries[1]!.actor_id).toBe(world.manager.id);
		expect(JSON.parse(entries[1]!.before!)).toMatchObject({ engagement: 3 });
		expect(JSON.parse(entries[1]!.after!)).toMatchObject({
			engagement: 5,
			campaign_event_id: held,
			bell_session_id: null
		});
	});

	it("is only for the event's centre managers", async () => {
		const outcomes: [string, CampaignActor, string][] = [
			['admin', world.admin, 'forbidden'],
			['staff', world.staff, 'forbidden'],
			['liaison', world.liaison, 'forbidden'],
			['manager2', world.manager2, 'not_found'],
			['staff2', world.staff2, 'not_found']
		];
		for (const [account, actor, error] of outcomes)
			expect([account, await save(actor)]).toEqual([account, { ok: false, error }]);
		expect(await findStaffFeedback(world.db, { kind: 'campaign_event', id: held })).toHaveLength(1);
	});

	it('waits until the event is held, and takes ratings from 1 to 5 only', async () => {
		const scheduled = await world.event();
		expect(
			await saveStaffFeedback(
				world.db,
				world.manager,
				input({ subject: { kind: 'campaign_event', id: scheduled } }),
				at
			)
		).toEqual({ ok: false, error: 'not_held' });
		for (const bad of [0, 6, 2.5, Number.NaN])
			expect(await save(world.manager, { version: 2, facilitator: bad })).toEqual({
				ok: false,
				error: 'rating_invalid'
			});
	});
});
