import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClosure } from '../../../src/lib/server/closures/service.ts';
import { planCampaign, planSignature } from '../../../src/lib/server/campaigns/plan.ts';
import { createCampaign } from '../../../src/lib/server/campaigns/service.ts';
import {
	campaignInput,
	closure,
	createCampaignWorld,
	eventsOf,
	newCampaign,
	NOW,
	SUNDAYS,
	type CampaignWorld
} from './fixtures.ts';

// Saving a planned campaign: the kept dates become events, dropped dates are remembered, an added
// date is marked as added by hand, all in one audited transaction; the dates saved are the ones
// the preview showed, or nothing is saved.

describe('creating a campaign', () => {
	let world: CampaignWorld;
	beforeEach(async () => {
		world = await createCampaignWorld();
	});
	afterEach(async () => world.db.destroy());

	const campaigns = () => world.db.selectFrom('campaigns').selectAll().execute();

	it('makes one event per kept date, at 16:00 Tehran time, and remembers the dropped one', async () => {
		const id = await newCampaign(world, {}, { drop: [SUNDAYS[2]!], extraDates: ['2026-12-22'] });
		const events = await eventsOf(world.db, id);
		expect(events.map((e) => [e.date, e.rule_date, e.touched])).toEqual([
			['2026-11-29', '2026-11-29', 0],
			['2026-12-06', '2026-12-06', 0],
			['2026-12-20', '2026-12-20', 0],
			['2026-12-22', null, 1],
			['2026-12-27', '2026-12-27', 0]
		]);
		expect(events[0]).toMatchObject({
			start_time: '16:00',
			duration_minutes: 90,
			starts_at: '2026-11-29T12:30:00.000Z',
			ends_at: '2026-11-29T14:00:00.000Z',
			place: 'سالن اجتماعات سرا',
			status: 'scheduled',
			needs_attention: 0,
			version: 1
		});
		const [campaign] = await campaigns();
		expect(campaign).toMatchObject({
			center_id: world.dowlab.centerId,
			weekday: 0,
			dropped_dates: '2026-12-13',
			created_by: world.manager.id,
			version: 1
		});
		expect(campaign!.school_year_id).not.toBeNull();
	});

	it('audits the campaign and the date added by hand in the same transaction', async () => {
		const id = await newCampaign(world, {}, { extraDates: ['2026-12-22'] });
		const audit = await world.db
			.selectFrom('audit_log')
			.select(['action', 'entity_type', 'actor_id', 'after'])
			.where('action', 'in', ['campaign_created', 'campaign_event_added'])
			.orderBy('id')
			.execute();
		expect(audit.map((a) => [a.action, a.entity_type, a.actor_id])).toEqual([
			['campaign_created', 'campaign', world.manager.id],
			['campaign_event_added', 'campaign_event', world.manager.id]
		]);
		expect(JSON.parse(audit[0]!.after!)).toMatchObject({ id, events: SUNDAYS });
	});

	it('saves nothing when the dates changed since the preview, and shows them again', async () => {
		const input = campaignInput(world);
		const planned = await planCampaign(world.db, world.manager, input, [], NOW);
		if (!planned.ok) throw new Error('plan refused');
		const seen = planSignature(planned.plan);
		// Meanwhile a holiday is entered on the third Sunday.
		await createClosure(world.db, world.adminActor, closure(world, SUNDAYS[2]!));
		const result = await createCampaign(
			world.db,
			world.manager,
			input,
			{ seen, keep: planned.plan.dates, extraDates: [] },
			NOW
		);
		expect(result).toMatchObject({ ok: false, error: 'preview_changed' });
		if (result.ok || result.error !== 'preview_changed') return;
		expect(result.plan.skipped.map((s) => s.date)).toEqual([SUNDAYS[2]]);
		expect(await campaigns()).toEqual([]);
		expect(await world.db.selectFrom('campaign_events').selectAll().execute()).toEqual([]);
	});

	it('refuses a plan that starts in the past, ends before it starts or runs over a year', async () => {
		const refusal = async (values: Parameters<typeof campaignInput>[1]) => {
			const result = await planCampaign(
				world.db,
				world.manager,
				campaignInput(world, values),
				[],
				NOW
			);
			return result.ok || result.error !== 'refused' ? result : result.refusal.problem;
		};
		expect(await refusal({ first_date: '2026-11-26' })).toBe('first_date_past');
		expect(await refusal({ last_date: '2026-11-28' })).toBe('date_order');
		expect(await refusal({ last_date: '2027-11-30' })).toBe('too_long');
		expect(await refusal({ weekday: 7 })).toBe('weekday_invalid');
		expect(await refusal({ duration_minutes: 300 })).toBe('duration_invalid');
		expect(await refusal({ title: '  ' })).toBe('title_required');
		expect(await refusal({ facilitator_id: 99_999 })).toBe('facilitator_inactive');
	});

	it('refuses an added date that is closed, past or already in the series', async () => {
		await createClosure(world.db, world.adminActor, closure(world, '2026-12-22'));
		const extra = async (date: string) => {
			const result = await planCampaign(world.db, world.manager, campaignInput(world), [date], NOW);
			return result.ok || result.error !== 'refused' ? result : result.refusal;
		};
		expect(await extra('2026-12-22')).toEqual({
			problem: 'extra_date',
			date: '2026-12-22',
			slot: {
				problem: 'closure',
				closure: { name_fa: 'شهادت حضرت علی (ع)', name_en: 'Martyrdom of Imam Ali' }
			}
		});
		expect(await extra('2026-11-20')).toMatchObject({ slot: { problem: 'past' } });
		expect(await extra(SUNDAYS[1]!)).toMatchObject({ slot: { problem: 'date_taken' } });
	});

	it('refuses to save a campaign with every date dropped', async () => {
		const input = campaignInput(world);
		const planned = await planCampaign(world.db, world.manager, input, [], NOW);
		if (!planned.ok) throw new Error('plan refused');
		const result = await createCampaign(
			world.db,
			world.manager,
			input,
			{ seen: planSignature(planned.plan), keep: [], extraDates: [] },
			NOW
		);
		expect(result).toEqual({ ok: false, error: 'refused', refusal: { problem: 'no_dates' } });
		expect(await campaigns()).toEqual([]);
	});
});

describe('who may create a campaign', () => {
	let world: CampaignWorld;
	beforeEach(async () => {
		world = await createCampaignWorld();
	});
	afterEach(async () => world.db.destroy());

	it('is a manager at their own centres, not at manager2@’s (not found)', async () => {
		const shahin = await world.centerOf('شاهین');
		const result = await planCampaign(
			world.db,
			world.manager,
			campaignInput(world, { center_id: shahin }),
			[],
			NOW
		);
		expect(result).toEqual({ ok: false, error: 'not_found' });
		const created = await createCampaign(
			world.db,
			world.manager,
			campaignInput(world, { center_id: shahin }),
			{ seen: SUNDAYS.join(','), keep: SUNDAYS, extraDates: [] },
			NOW
		);
		expect(created).toEqual({ ok: false, error: 'not_found' });
		expect(await world.db.selectFrom('campaigns').selectAll().execute()).toEqual([]);
		await newCampaign(world, { center_id: shahin }, { actor: world.manager2 });
	});

	it('is an admin at any centre of their district', async () => {
		await newCampaign(world, { center_id: await world.centerOf('شاهین') }, { actor: world.admin });
	});

	it('is never a liaison or school staff', async () => {
		for (const actor of [world.liaison, world.staff]) {
			const result = await planCampaign(world.db, actor, campaignInput(world), [], NOW);
			expect(result).toEqual({ ok: false, error: 'not_found' });
		}
	});
});
