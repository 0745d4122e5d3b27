import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCampaignEventAttendance } from '../../../src/lib/server/attendance/event-service.ts';
import { recordBellSessionAttendance } from '../../../src/lib/server/attendance/service.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import { transitionBellSession } from '../../../src/lib/server/bell-sessions/transitions.ts';
import { createMigrator, migrateToLatest } from '../../../src/lib/server/db/migrate.ts';
import { submitFeedbackAnswer } from '../../../src/lib/server/feedback/answers.ts';
import { feedbackLinkFor } from '../../../src/lib/server/feedback/links.ts';
import { createAnswerLimiter } from '../../../src/lib/server/feedback/rate-limit.ts';
import { saveStaffFeedback } from '../../../src/lib/server/feedback/staff.ts';
import type { FeedbackSubject } from '../../../src/lib/server/feedback/subject.ts';
import { NOW, proposal } from '../bell-sessions/fixtures.ts';
import { createEventWorld, eventCounts, type EventWorld } from './event-fixtures.ts';
import { counts, momentsOf } from './fixtures.ts';
import { indexNames, tableNames } from '../../helpers/schema.ts';
import { refusedBy, testEngine } from '../../helpers/test-db.ts';

// The event-attendance migration: each staff rating and feedback link names exactly one subject
// (a session or an event), event counts are never negative, and going down keeps every session's
// feedback and answers (answers hang off the rebuilt links) while what was about events goes.

const MIGRATION = '2026-11-26T11-00_event-attendance';

describe('the event-attendance migration', () => {
	let world: EventWorld;
	let sessionId: number;
	let eventId: number;
	const answer = { overall: 4, learned: 'yes', would_recommend: 'yes', comment: '' } as const;

	async function rateAndAnswer(subject: FeedbackSubject, at: Date) {
		const user = subject.kind === 'bell_session' ? world.staff : world.manager;
		const rated = await saveStaffFeedback(
			world.db,
			user,
			{ subject, version: 0, relevance: 4, facilitator: 5, engagement: 3, comment: '' },
			at
		);
		expect(rated.ok).toBe(true);
		const { token } = await feedbackLinkFor(world.db, subject, at);
		const limiter = createAnswerLimiter();
		for (let i = 0; i < 3; i++)
			await submitFeedbackAnswer(
				world.db,
				{ token, answer, answeredBefore: false, address: '10.0.0.9', limiter },
				at
			);
	}

	beforeAll(async () => {
		world = await createEventWorld();
		const { staff } = world;
		const proposed = await proposeBellSession(
			world.db,
			world.manager,
			proposal(world, { grades: [10, 11] }),
			NOW
		);
		if (!proposed.ok) throw new Error('proposal refused');
		sessionId = proposed.id;
		await transitionBellSession(world.db, staff, { sessionId, version: 1, action: 'confirm' }, NOW);
		const sessionAt = (await momentsOf(world, sessionId)).after;
		await recordBellSessionAttendance(world.db, staff, counts(sessionId), sessionAt);
		await rateAndAnswer({ kind: 'bell_session', id: sessionId }, sessionAt);

		eventId = await world.event();
		const eventAt = (await world.moments(eventId)).after;
		await recordCampaignEventAttendance(world.db, world.manager, eventCounts(eventId), eventAt);
		await rateAndAnswer({ kind: 'campaign_event', id: eventId }, eventAt);
	});
	afterAll(async () => world.db.destroy());

	const rows = async (table: 'staff_feedback' | 'feedback_links' | 'feedback_answers') =>
		(
			await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(
				world.db
			)
		).rows;

	it('refuses a rating or a link about both a session and an event, or about neither', async () => {
		const user = world.manager.id;
		const at = NOW.toISOString();
		const rating = { user_id: user, relevance: 3, facilitator: 3, engagement: 3 };
		for (const ids of [
			{ bell_session_id: sessionId, campaign_event_id: eventId },
			{ bell_session_id: null, campaign_event_id: null }
		]) {
			await expect(
				world.db
					.insertInto('staff_feedback')
					.values({ ...rating, ...ids, created_at: at, updated_at: at })
					.execute()
			).rejects.toThrow(refusedBy.checkNamed('staff_feedback_subject'));
			await expect(
				world.db
					.insertInto('feedback_links')
					.values({ token: 'AbCdEfGhIjKlMn', ...ids, created_at: at })
					.execute()
			).rejects.toThrow(refusedBy.checkNamed('feedback_links_subject'));
		}
	});

	it('refuses negative event counts', async () => {
		const other = await world.event();
		const at = NOW.toISOString();
		await expect(
			world.db
				.insertInto('campaign_event_attendance')
				.values({
					...eventCounts(other, { youth_boys: -1 }).counts,
					campaign_event_id: other,
					recorded_at: at,
					updated_at: at
				})
				.execute()
		).rejects.toThrow(refusedBy.checkNamed('campaign_event_attendance_youth_boys'));
	});

	it("goes down keeping the sessions' feedback and answers, and up again the same", async () => {
		const before = {
			staff: await rows('staff_feedback'),
			links: await rows('feedback_links'),
			answers: await rows('feedback_answers')
		};
		expect(before.answers).toHaveLength(6);
		const migrations = await createMigrator(world.db).getMigrations();
		const index = migrations.findIndex((m) => m.name === MIGRATION);
		const { error } = await createMigrator(world.db).migrateTo(migrations[index - 1]!.name);
		expect(error).toBeUndefined();

		const sessionLink = before.links.find((l) => l.bell_session_id === sessionId)!;
		const withoutEventColumn = (row: Record<string, unknown>) => {
			const { campaign_event_id: _dropped, ...rest } = row;
			return rest;
		};
		expect(await rows('staff_feedback')).toEqual(
			before.staff.filter((r) => r.bell_session_id === sessionId).map(withoutEventColumn)
		);
		expect(await rows('feedback_links')).toEqual([withoutEventColumn(sessionLink)]);
		expect(await rows('feedback_answers')).toEqual(
			before.answers.filter((a) => a.link_id === sessionLink.id)
		);
		expect(await tableNames(world.db)).not.toContain('campaign_event_attendance');
		if (testEngine === 'sqlite') {
			// The rebuild turned SQLite's foreign keys off for a moment: on again, and all sound.
			expect((await sql`pragma foreign_key_check`.execute(world.db)).rows).toEqual([]);
			const { rows } = await sql`pragma foreign_keys`.execute(world.db);
			expect(rows).toEqual([{ foreign_keys: 1 }]);
		}

		await migrateToLatest(world.db);
		expect(await rows('staff_feedback')).toEqual(
			before.staff.filter((r) => r.bell_session_id === sessionId)
		);
		expect(await rows('feedback_answers')).toHaveLength(3);
		// Each subject's one rating per person and one link are unique again.
		expect(await indexNames(world.db, ['staff_feedback', 'feedback_links'])).toEqual([
			'feedback_links_event',
			'feedback_links_session',
			'staff_feedback_event_user',
			'staff_feedback_session_user'
		]);
	});
});
