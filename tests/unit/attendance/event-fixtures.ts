import type { EventAttendanceCounts } from '../../../src/lib/attendance/event-counts.ts';
import type { EventAttendanceInput } from '../../../src/lib/server/attendance/event-service.ts';
import type { CampaignActor } from '../../../src/lib/server/campaigns/access.ts';
import {
	createCampaignWorld,
	eventOn,
	newCampaign,
	SUNDAYS,
	type CampaignWorld
} from '../campaigns/fixtures.ts';
import { momentsOf } from './fixtures.ts';

// Campaign events to record attendance for: each call makes a campaign of one Sunday event,
// 16:00–17:30, at دولاب's centre (manager@'s) unless told otherwise, planned on 2026-11-27.

export interface EventWorld extends CampaignWorld {
	/** A new one-event campaign; the event's id. */
	event: (options?: { center?: string; actor?: CampaignActor; date?: string }) => Promise<number>;
	/** A minute before the event starts, during it, a minute after it ends, and its end. */
	moments: (eventId: number) => ReturnType<typeof momentsOf>;
}

export async function createEventWorld(): Promise<EventWorld> {
	const world = await createCampaignWorld();
	const event: EventWorld['event'] = async (options = {}) => {
		const date = options.date ?? SUNDAYS[0]!;
		const center = options.center ? await world.centerOf(options.center) : world.dowlab.centerId;
		const campaignId = await newCampaign(
			world,
			{ center_id: center, first_date: date, last_date: date },
			{ actor: options.actor }
		);
		return (await eventOn(world.db, campaignId, date)).id;
	};
	return { ...world, event, moments: (id) => momentsOf(world, id, 'campaign_events') };
}

/** 20 women, 12 men, 6 and 5 youth, 3 and 2 children: 48 in all. */
export function eventCounts(
	eventId: number,
	values: Partial<EventAttendanceCounts> = {},
	version = 0
): EventAttendanceInput {
	return {
		eventId,
		version,
		counts: {
			adults_women: 20,
			adults_men: 12,
			youth_girls: 6,
			youth_boys: 5,
			children_girls: 3,
			children_boys: 2,
			...values
		}
	};
}
