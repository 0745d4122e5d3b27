import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCampaigns } from '../../../src/lib/server/demo/campaigns.ts';
import { findCampaignInScope } from '../../../src/lib/server/campaigns/repository.ts';
import { createCampaignWorld, NOW, type CampaignWorld } from './fixtures.ts';

// The demo's campaigns, made through the services: the authorization matrix and the browser
// test rely on campaign 1 being manager@'s at دولاب and campaign 3 manager2@'s at شاهین.

describe('the demo campaigns', () => {
	let world: CampaignWorld;
	beforeAll(async () => {
		world = await createCampaignWorld();
		await seedDemoCampaigns(world.db, NOW);
	});
	afterAll(async () => world.db.destroy());

	it('are the first at دولاب (manager@), the third at شاهین (manager2@)', async () => {
		const campaigns = await world.db
			.selectFrom('campaigns')
			.innerJoin('centers', 'centers.id', 'campaigns.center_id')
			.select(['campaigns.id', 'centers.name', 'campaigns.dropped_dates'])
			.orderBy('campaigns.id')
			.execute();
		expect(campaigns.map((c) => [c.id, c.name])).toEqual([
			[1, 'سرای محله دولاب'],
			[2, 'سرای محله خاوران'],
			[3, 'سرای محله شاهین']
		]);
		expect(campaigns[0]!.dropped_dates).not.toBe('');
		expect(await findCampaignInScope(world.db, world.manager, 1)).toBeDefined();
		expect(await findCampaignInScope(world.db, world.manager, 3)).toBeUndefined();
		expect(await findCampaignInScope(world.db, world.manager2, 3)).toBeDefined();
	});

	it('show events in every state: past without attendance, moved, cancelled, needing attention', async () => {
		const events = await world.db
			.selectFrom('campaign_events')
			.selectAll()
			.where('campaign_id', '=', 1)
			.execute();
		const now = NOW.toISOString();
		expect(events.some((e) => e.status === 'scheduled' && e.ends_at < now)).toBe(true);
		expect(events.some((e) => e.touched && e.rule_date !== e.date)).toBe(true);
		expect(events.some((e) => e.status === 'cancelled' && e.cancel_reason)).toBe(true);
		expect(events.some((e) => e.needs_attention && e.attention_closure_id)).toBe(true);
		expect(events.some((e) => e.status === 'scheduled' && e.starts_at > now)).toBe(true);
	});
});
