import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	findAttendance,
	findEventAttendance
} from '../../../src/lib/server/attendance/repository.ts';
import { seedDemoAttendance } from '../../../src/lib/server/demo/attendance.ts';
import { seedDemoCampaigns } from '../../../src/lib/server/demo/campaigns.ts';
import { seedDemoSessions } from '../../../src/lib/server/demo/sessions.ts';
import { findStaffFeedback } from '../../../src/lib/server/feedback/staff.ts';
import { findFeedbackSummary } from '../../../src/lib/server/feedback/summary.ts';
import { subjectColumn, type FeedbackSubject } from '../../../src/lib/server/feedback/subject.ts';
import { createSessionWorld, NOW, type SessionWorld } from '../bell-sessions/fixtures.ts';

// The demo shows what was held: one past session and one past campaign event at دولاب with their
// attendance, rating and anonymous answers, made through the services. What the browser tests
// and the authorization matrix rely on stays: sessions 1–7 as they were (session 4 confirmed, in
// the past, without attendance), campaign 1 at دولاب with past events still to record (event 1).

describe('the demo attendance', () => {
	let world: SessionWorld;
	let statusesBefore: string[];
	const statuses = async () =>
		(await world.db.selectFrom('bell_sessions').select('status').orderBy('id').execute()).map(
			(s) => s.status
		);
	beforeAll(async () => {
		world = await createSessionWorld();
		await seedDemoSessions(world.db, NOW);
		await seedDemoCampaigns(world.db, NOW);
		statusesBefore = await statuses();
		await seedDemoAttendance(world.db, NOW);
	});
	afterAll(async () => world.db.destroy());

	const feedbackOf = async (subject: FeedbackSubject) => {
		const link = await world.db
			.selectFrom('feedback_links')
			.select('id')
			.where(subjectColumn(subject), '=', subject.id)
			.executeTakeFirstOrThrow();
		return {
			ratings: await findStaffFeedback(world.db, subject),
			answers: (await findFeedbackSummary(world.db, link.id)).answers
		};
	};

	it('leaves sessions 1–7 as they were, session 4 confirmed without attendance', async () => {
		expect(statusesBefore).toHaveLength(7);
		expect((await statuses()).slice(0, 7)).toEqual(statusesBefore);
		const four = await world.db
			.selectFrom('bell_sessions')
			.select(['status', 'ends_at'])
			.where('id', '=', 4)
			.executeTakeFirstOrThrow();
		expect(four.status).toBe('confirmed');
		expect(four.ends_at < NOW.toISOString()).toBe(true);
		expect(await findAttendance(world.db, 4)).toBeUndefined();
	});

	it('holds a past session at دولاب with attendance, a rating and answers', async () => {
		const held = await world.db
			.selectFrom('bell_sessions')
			.select(['id', 'school_id', 'ends_at'])
			.where('status', '=', 'held')
			.execute();
		expect(held).toHaveLength(1);
		expect(held[0]).toMatchObject({ id: 8, school_id: world.dowlab.schoolId });
		expect(held[0]!.ends_at < NOW.toISOString()).toBe(true);
		expect(await findAttendance(world.db, 8)).toMatchObject({ teachers: 3, version: 1 });
		const feedback = await feedbackOf({ kind: 'bell_session', id: 8 });
		expect(feedback.ratings).toHaveLength(1);
		expect(feedback.answers).toBe(4);
	});

	it('holds the latest past event of campaign 1, leaving its earlier ones to record', async () => {
		const events = await world.db
			.selectFrom('campaign_events')
			.select(['id', 'status', 'ends_at'])
			.where('campaign_id', '=', 1)
			.where('ends_at', '<', NOW.toISOString())
			.orderBy('ends_at')
			.execute();
		expect(events.map((e) => e.status)).toEqual([
			...Array(events.length - 1).fill('scheduled'),
			'held'
		]);
		expect(events[0]!.id).toBe(1);
		const held = events.at(-1)!;
		expect(await findEventAttendance(world.db, held.id)).toMatchObject({
			adults_women: 23,
			version: 1
		});
		const feedback = await feedbackOf({ kind: 'campaign_event', id: held.id });
		expect(feedback.ratings).toHaveLength(1);
		expect(feedback.answers).toBe(4);
	});
});
