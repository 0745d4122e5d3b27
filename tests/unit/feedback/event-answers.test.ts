import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackLinkFor } from '../../../src/lib/server/feedback/links.ts';
import { findFeedbackTarget } from '../../../src/lib/server/feedback/target.ts';
import { createEventWorld, type EventWorld } from '../attendance/event-fixtures.ts';

// A campaign event's public link leads to the event: the anonymous form names its topic, its
// centre and its day, and is judged by the event's window and attendance (the rules themselves
// are checked for sessions and events alike in answers.test.ts).

describe("a campaign event's public link", () => {
	let world: EventWorld;
	beforeAll(async () => {
		world = await createEventWorld();
	});
	afterAll(async () => world.db.destroy());

	it('is made once, and leads to the event and nothing about anyone', async () => {
		const id = await world.event();
		const link = await feedbackLinkFor(world.db, { kind: 'campaign_event', id });
		expect(await feedbackLinkFor(world.db, { kind: 'campaign_event', id })).toEqual(link);
		expect(link).toMatchObject({ campaign_event_id: id, bell_session_id: null });
		expect(await findFeedbackTarget(world.db, link.token)).toEqual({
			kind: 'campaign_event',
			link_id: link.id,
			status: 'scheduled',
			date: '2026-11-29',
			starts_at: '2026-11-29T12:30:00.000Z',
			ends_at: '2026-11-29T14:00:00.000Z',
			topic_fa: 'پیشگیری از اعتیاد',
			topic_en: 'Addiction prevention',
			place_name: 'سرای محله دولاب',
			attendance_total: null,
			answers: 0
		});
	});
});
