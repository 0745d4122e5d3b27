import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClosure } from '../../../src/lib/server/closures/service.ts';
import { changeCampaignEvent } from '../../../src/lib/server/campaigns/events.ts';
import {
	applyRuleChange,
	reviewRuleChange
} from '../../../src/lib/server/campaigns/rule-change.ts';
import {
	ruleChangeSignature,
	type RuleChangeInput
} from '../../../src/lib/server/campaigns/rule-preview.ts';
import type { CampaignActor } from '../../../src/lib/server/campaigns/access.ts';
import {
	campaignInput,
	closure,
	createCampaignWorld,
	eventOn,
	eventsOf,
	newCampaign,
	NOW,
	type CampaignWorld
} from './fixtures.ts';

// Changing the rule regenerates only future events nobody touched: past events, cancelled ones
// and those moved by hand stay exactly as they were, and neither their days nor the dates dropped
// when planning are filled again. The preview says what will change; applying does just that.

// Ten Sundays from 2026-11-29 to 2027-01-31, 2027-01-10 dropped when planning. On 2026-12-10
// the first two are past, 12-20 was moved to 12-22 and 2027-01-03 cancelled.
const LATER = new Date('2026-12-10T09:00:00.000Z');

describe('changing a campaign’s rule', () => {
	let world: CampaignWorld;
	let campaignId: number;
	let rule: RuleChangeInput;
	beforeEach(async () => {
		world = await createCampaignWorld();
		const { center_id: _center, ...input } = campaignInput(world, { last_date: '2027-01-31' });
		rule = input;
		campaignId = await newCampaign(world, input, { drop: ['2027-01-10'] });
		const moved = await eventOn(world.db, campaignId, '2026-12-20');
		await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId, eventId: moved.id, version: 1 },
			{
				action: 'move',
				slot: { date: '2026-12-22', start_time: '16:00', duration_minutes: 90, place: null },
				reason: 'جشن محله'
			},
			NOW
		);
		const cancelled = await eventOn(world.db, campaignId, '2027-01-03');
		await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId, eventId: cancelled.id, version: 1 },
			{ action: 'cancel', reason: 'تعطیلی سرا' },
			NOW
		);
	});
	afterEach(async () => world.db.destroy());

	async function apply(actor: CampaignActor, input: RuleChangeInput, version = 1, now = LATER) {
		const reviewed = await reviewRuleChange(world.db, actor, campaignId, input, now);
		if (!reviewed.ok) return reviewed;
		const seen = ruleChangeSignature(reviewed.preview);
		return applyRuleChange(world.db, actor, { campaignId, version, seen }, input, now);
	}

	it('shows what a later start and a later last date do before doing it', async () => {
		const input = { ...rule, start_time: '18:00', last_date: '2027-02-14' };
		const reviewed = await reviewRuleChange(world.db, world.manager, campaignId, input, LATER);
		if (!reviewed.ok) throw new Error(JSON.stringify(reviewed));
		const { preview } = reviewed;
		expect(preview.added).toEqual(['2027-02-07', '2027-02-14']);
		expect(preview.removed).toEqual([]);
		expect(preview.changed.map((c) => [c.from.date, c.from.start_time, c.to.start_time])).toEqual([
			['2026-12-13', '16:00', '18:00'],
			['2026-12-27', '16:00', '18:00'],
			['2027-01-17', '16:00', '18:00'],
			['2027-01-24', '16:00', '18:00'],
			['2027-01-31', '16:00', '18:00']
		]);
		// Two past, one moved and one cancelled event stay as they are.
		expect(preview.kept).toBe(4);
		// Reviewing changed nothing.
		expect((await eventsOf(world.db, campaignId)).every((e) => e.start_time === '16:00')).toBe(
			true
		);
	});

	it('leaves past, moved and cancelled events exactly as they were', async () => {
		const before = await eventsOf(world.db, campaignId);
		const left = before.filter(
			(e) => e.starts_at <= LATER.toISOString() || e.touched || e.status !== 'scheduled'
		);
		expect(left.map((e) => e.date)).toEqual([
			'2026-11-29',
			'2026-12-06',
			'2026-12-22',
			'2027-01-03'
		]);

		const input = { ...rule, start_time: '18:00', last_date: '2027-02-14' };
		expect(await apply(world.manager, input)).toMatchObject({ ok: true });
		const after = await eventsOf(world.db, campaignId);
		for (const event of left) expect(after.find((e) => e.id === event.id)).toEqual(event);
		expect(after.map((e) => e.date)).toEqual([
			'2026-11-29',
			'2026-12-06',
			'2026-12-13',
			'2026-12-22',
			'2026-12-27',
			'2027-01-03',
			'2027-01-17',
			'2027-01-24',
			'2027-01-31',
			'2027-02-07',
			'2027-02-14'
		]);
		expect(await eventOn(world.db, campaignId, '2026-12-13')).toMatchObject({
			start_time: '18:00',
			starts_at: '2026-12-13T14:30:00.000Z',
			version: 2
		});
		const campaign = await world.db
			.selectFrom('campaigns')
			.selectAll()
			.where('id', '=', campaignId)
			.executeTakeFirstOrThrow();
		expect(campaign).toMatchObject({ start_time: '18:00', last_date: '2027-02-14', version: 2 });
		const audit = await world.db
			.selectFrom('audit_log')
			.select(['entity_id', 'before', 'after'])
			.where('action', '=', 'campaign_updated')
			.executeTakeFirstOrThrow();
		expect(audit.entity_id).toBe(campaignId);
		expect(JSON.parse(audit.after!).events.added).toEqual(['2027-02-07', '2027-02-14']);
	});

	it('moves the untouched future events to the new weekday, skipping closures', async () => {
		await createClosure(world.db, world.adminActor, closure(world, '2026-12-14'));
		const reviewed = await reviewRuleChange(
			world.db,
			world.manager,
			campaignId,
			{ ...rule, weekday: 1, first_date: '2026-11-30', last_date: '2027-01-25' },
			LATER
		);
		if (!reviewed.ok) throw new Error(JSON.stringify(reviewed));
		const { preview } = reviewed;
		expect(preview.removed.map((e) => e.date)).toEqual([
			'2026-12-13',
			'2026-12-27',
			'2027-01-17',
			'2027-01-24',
			'2027-01-31'
		]);
		expect(preview.added).toEqual([
			'2026-12-21',
			'2026-12-28',
			'2027-01-04',
			'2027-01-11',
			'2027-01-18',
			'2027-01-25'
		]);
		expect(preview.skipped.map((s) => [s.date, s.closure.name_fa])).toEqual([
			['2026-12-14', 'شهادت حضرت علی (ع)']
		]);
		expect(preview.kept).toBe(4);
	});

	it('refuses a stale form, and an outcome that changed since the preview', async () => {
		const input = { ...rule, start_time: '18:00' };
		expect(await apply(world.manager, input, 7)).toEqual({ ok: false, error: 'stale' });

		const reviewed = await reviewRuleChange(world.db, world.manager, campaignId, input, LATER);
		if (!reviewed.ok) throw new Error('refused');
		await createClosure(world.db, world.adminActor, closure(world, '2027-01-24'));
		const result = await applyRuleChange(
			world.db,
			world.manager,
			{ campaignId, version: 1, seen: ruleChangeSignature(reviewed.preview) },
			input,
			LATER
		);
		expect(result).toMatchObject({ ok: false, error: 'preview_changed' });
		expect((await eventsOf(world.db, campaignId)).every((e) => e.start_time === '16:00')).toBe(
			true
		);
	});

	it('is for the centre’s managers and admins only', async () => {
		const input = { ...rule, start_time: '18:00' };
		expect(await apply(world.liaison, input)).toEqual({ ok: false, error: 'forbidden' });
		expect(await apply(world.staff, input)).toEqual({ ok: false, error: 'forbidden' });
		expect(await apply(world.manager2, input)).toEqual({ ok: false, error: 'not_found' });
		expect(await apply(world.admin, input)).toMatchObject({ ok: true });
	});
});
