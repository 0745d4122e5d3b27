import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCampaignWorld,
	eventOn,
	newCampaign,
	SUNDAYS,
	type CampaignWorld
} from './fixtures.ts';
import { refusedBy } from '../../helpers/test-db.ts';

// The database itself refuses what no writer may store, whatever the code above it does.

describe('the campaign tables', () => {
	let world: CampaignWorld;
	let campaignId: number;
	let eventId: number;
	beforeAll(async () => {
		world = await createCampaignWorld();
		campaignId = await newCampaign(world);
		eventId = (await eventOn(world.db, campaignId, SUNDAYS[0]!)).id;
	});
	afterAll(async () => world.db.destroy());

	const setEvent = (values: Record<string, unknown>) =>
		world.db.updateTable('campaign_events').set(values).where('id', '=', eventId).execute();
	const setCampaign = (values: Record<string, unknown>) =>
		world.db.updateTable('campaigns').set(values).where('id', '=', campaignId).execute();

	it('refuses an unknown status or audience, a bad weekday, date or time', async () => {
		await expect(setEvent({ status: 'postponed' })).rejects.toThrow(refusedBy.check);
		await expect(setCampaign({ audience: 'students' })).rejects.toThrow(refusedBy.check);
		await expect(setCampaign({ weekday: 7 })).rejects.toThrow(refusedBy.check);
		await expect(setCampaign({ last_date: '2026-11-01' })).rejects.toThrow(refusedBy.check);
		await expect(setEvent({ date: '1405/09/08' })).rejects.toThrow(refusedBy.check);
		await expect(setEvent({ start_time: '4pm' })).rejects.toThrow(refusedBy.check);
		await expect(setCampaign({ title: '' })).rejects.toThrow(refusedBy.check);
	});

	it('refuses a cancellation without a reason and a reason without a cancellation', async () => {
		await expect(setEvent({ status: 'cancelled' })).rejects.toThrow(refusedBy.check);
		await expect(setEvent({ cancel_reason: 'باران' })).rejects.toThrow(refusedBy.check);
	});

	it('refuses attention on an event that is not scheduled, and a date added by hand untouched', async () => {
		await expect(
			setEvent({ status: 'cancelled', cancel_reason: 'باران', needs_attention: 1 })
		).rejects.toThrow(refusedBy.check);
		await expect(setEvent({ rule_date: null, touched: 0 })).rejects.toThrow(refusedBy.check);
	});

	it('refuses two events of one campaign on one day', async () => {
		await expect(setEvent({ date: SUNDAYS[1] })).rejects.toThrow(refusedBy.unique);
	});

	it('refuses a notification about both a session and an event, or about neither', async () => {
		const notification = { user_id: world.manager.id, created_at: new Date().toISOString() };
		await expect(
			world.db
				.insertInto('notifications')
				.values({ ...notification, event: 'event_moved', campaign_event_id: null })
				.execute()
		).rejects.toThrow(refusedBy.check);
		await expect(
			world.db
				.insertInto('notifications')
				.values({ ...notification, event: 'moved', campaign_event_id: eventId })
				.execute()
		).rejects.toThrow(refusedBy.check);
	});
});
