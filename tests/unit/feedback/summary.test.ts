import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { feedbackLinkFor } from '../../../src/lib/server/feedback/links.ts';
import { findFeedbackSummary } from '../../../src/lib/server/feedback/summary.ts';
import ParticipantFeedback from '../../../src/lib/components/ParticipantFeedback.svelte';
import { createAttendanceWorld, type AttendanceWorld } from '../attendance/fixtures.ts';

// What the staff read of the anonymous answers: how many, the average and spread of the overall
// rating, the yes/no questions, and the comments newest first, shown as text, never as markup.

describe('the summary of participant feedback', () => {
	let world: AttendanceWorld;
	let linkId: number;
	const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & \u202eدرس';

	beforeAll(async () => {
		world = await createAttendanceWorld();
		const id = await world.session();
		linkId = (await feedbackLinkFor(world.db, { kind: 'bell_session', id })).id;
		const answers = [
			{ overall: 5, learned: 'yes', would_recommend: 1, comment: 'خیلی خوب بود 👏' },
			{ overall: 4, learned: 'yes', would_recommend: 1, comment: null },
			{ overall: 4, learned: 'partly', would_recommend: 0, comment: hostile },
			{ overall: 2, learned: null, would_recommend: null, comment: null }
		] as const;
		await world.db
			.insertInto('feedback_answers')
			.values(
				answers.map((a, i) => ({
					...a,
					link_id: linkId,
					created_at: `2026-12-01T0${5 + i}:00:00.000Z`
				}))
			)
			.execute();
	});
	afterAll(async () => world.db.destroy());

	it('counts, averages and lists the comments newest first', async () => {
		const summary = await findFeedbackSummary(world.db, linkId);
		expect(summary).toMatchObject({
			answers: 4,
			overallAverage: 3.75,
			overallCounts: [0, 1, 0, 2, 1],
			learned: { yes: 2, partly: 1, no: 0 },
			recommend: { yes: 2, no: 1 }
		});
		expect(summary.comments.map((c) => c.comment)).toEqual([hostile, 'خیلی خوب بود 👏']);
	});

	it('is empty for a session nobody answered', async () => {
		const other = await world.session();
		const link = await feedbackLinkFor(world.db, { kind: 'bell_session', id: other });
		expect(await findFeedbackSummary(world.db, link.id)).toMatchObject({
			answers: 0,
			overallAverage: null,
			comments: []
		});
	});

	it('shows comments escaped, each isolated in its own direction', async () => {
		const summary = await findFeedbackSummary(world.db, linkId);
		const { body } = render(ParticipantFeedback, {
			props: {
				link: { link_id: linkId, address: 'http://localhost/f/AbCdEfGhIjKl', qr: 'data:,' },
				summary,
				formState: 'open',
				startsAt: '2026-12-01T04:30:00.000Z',
				closesAt: '2026-12-08T05:30:00.000Z',
				kind: 'bell_session'
			}
		});
		expect(body).not.toContain('<script>alert');
		expect(body).not.toContain('<img src=x');
		expect(body).toContain(
			'&lt;script>alert("x")&lt;/script>&lt;img src=x onerror=alert(1)> &amp;'
		);
		expect(body).toMatch(/<p dir="auto"[^>]*>&lt;script>/);
		expect(body).toContain('خیلی خوب بود 👏');
		expect(body).toContain('۳٫۸');
	});
});
