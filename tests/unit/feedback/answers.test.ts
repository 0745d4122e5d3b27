import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { submitFeedbackAnswer } from '../../../src/lib/server/feedback/answers.ts';
import { feedbackLinkFor } from '../../../src/lib/server/feedback/links.ts';
import {
	createAnswerLimiter,
	type AnswerLimiter
} from '../../../src/lib/server/feedback/rate-limit.ts';
import { CAP_BEFORE_ATTENDANCE } from '../../../src/lib/server/feedback/rules.ts';
import { findFeedbackTarget } from '../../../src/lib/server/feedback/target.ts';
import type { AnswerFormData } from '../../../src/lib/schemas/feedback.ts';
import { eventSubjects, sessionSubjects, type SubjectWorld } from './subjects.ts';

// The anonymous form of a bell session or a campaign event takes answers from its start until 7
// days after its end, one per browser, a limited number per address, and up to a cap; anything
// else is refused with its reason and nothing is stored. An answer keeps nothing about who gave
// it. Every rule is checked for both kinds of subject.

const DAY = 24 * 60 * 60 * 1000;
const answer: AnswerFormData = { overall: 5, learned: 'yes', would_recommend: 'yes', comment: '' };

describe.each([
	['a bell session', sessionSubjects],
	['a campaign event', eventSubjects]
])('answering the anonymous form of %s', (_name, subjects) => {
	let world: SubjectWorld;
	let limiter: AnswerLimiter;
	beforeAll(async () => {
		world = await subjects();
	});
	beforeEach(() => {
		limiter = createAnswerLimiter(1000, 600);
	});
	afterAll(async () => world.db.destroy());

	async function linkOf(id: number): Promise<string> {
		return (await feedbackLinkFor(world.db, { kind: world.kind, id })).token;
	}
	const submit = (
		token: string,
		at: Date,
		more: Partial<Parameters<typeof submitFeedbackAnswer>[1]> = {}
	) =>
		submitFeedbackAnswer(
			world.db,
			{ token, answer, answeredBefore: false, address: '10.0.0.1', limiter, ...more },
			at
		);
	const stored = async (token: string) =>
		(await findFeedbackTarget(world.db, token))?.answers ?? -1;

	it('is open from its start until 7 days after its end, and once held', async () => {
		const id = await world.create();
		const token = await linkOf(id);
		const { before, during, after, end } = await world.moments(id);
		expect(await submit(token, before)).toEqual({ ok: false, error: 'not_open' });
		expect(await submit(token, during)).toEqual({ ok: true });
		await world.record(id, 48, 0, after);
		const lastMinute = new Date(end.getTime() + 7 * DAY - 60 * 1000);
		expect(await submit(token, lastMinute)).toEqual({ ok: true });
		expect(await submit(token, new Date(end.getTime() + 7 * DAY))).toEqual({
			ok: false,
			error: 'closed'
		});
		expect(await stored(token)).toBe(2);
	});

	it('is closed once cancelled', async () => {
		const id = await world.create();
		const token = await linkOf(id);
		await world.cancel(id);
		expect(await submit(token, (await world.moments(id)).during)).toEqual({
			ok: false,
			error: 'closed'
		});
		expect(await stored(token)).toBe(0);
	});

	it('takes one answer per browser', async () => {
		const id = await world.create();
		const token = await linkOf(id);
		const { during } = await world.moments(id);
		expect(await submit(token, during)).toEqual({ ok: true });
		expect(await submit(token, during, { answeredBefore: true })).toEqual({
			ok: false,
			error: 'already_answered'
		});
		expect(await stored(token)).toBe(1);
	});

	it('limits answers per address, without holding back other addresses', async () => {
		limiter = createAnswerLimiter(2, 600);
		const id = await world.create();
		const token = await linkOf(id);
		const { during } = await world.moments(id);
		// An address the other tests have not counted.
		const address = '10.0.0.50';
		expect(await submit(token, during, { address })).toEqual({ ok: true });
		expect(await submit(token, during, { address })).toEqual({ ok: true });
		expect(await submit(token, during, { address })).toEqual({ ok: false, error: 'rate_limited' });
		expect(await submit(token, during, { address: '10.0.0.51' })).toEqual({ ok: true });
		expect(await stored(token)).toBe(3);
	});

	it(`caps answers at ${CAP_BEFORE_ATTENDANCE} before attendance, twice the attendance after`, async () => {
		const id = await world.create();
		const token = await linkOf(id);
		const { during, after } = await world.moments(id);
		const link = await findFeedbackTarget(world.db, token);
		// 299 answers already in: one more is taken, the next is refused.
		await world.db
			.insertInto('feedback_answers')
			.values(
				Array.from({ length: CAP_BEFORE_ATTENDANCE - 1 }, () => ({
					link_id: link!.link_id,
					overall: 4,
					created_at: during.toISOString()
				}))
			)
			.execute();
		expect(await submit(token, during)).toEqual({ ok: true });
		expect(await submit(token, during)).toEqual({ ok: false, error: 'full' });

		// 48 present: up to 96 answers; 300 are in.
		await world.record(id, 48, 0, after);
		expect(await findFeedbackTarget(world.db, token)).toMatchObject({
			status: 'held',
			attendance_total: 48
		});
		expect(await submit(token, after)).toEqual({ ok: false, error: 'full' });
		// 153 present: a cap of 306.
		await world.record(id, 153, 1, after);
		expect(await submit(token, after)).toEqual({ ok: true });
		expect(await stored(token)).toBe(301);
	});

	it('refuses an unknown or malformed link', async () => {
		const { during } = await world.moments(await world.create());
		for (const token of ['unknown-token', 'AAAAAAAAAAAA', '', '../../etc', 'x'.repeat(500)])
			expect(await submit(token, during)).toEqual({ ok: false, error: 'unknown' });
	});

	it('stores odd text as typed, and keeps no address, cookie or account', async () => {
		const id = await world.create();
		const token = await linkOf(id);
		const { during } = await world.moments(id);
		const odd = '\u200fعالی بود 👍🏽\u200e <script>alert("x")</script> & <b>bold</b>\n\u202eRTL';
		await submit(token, during, {
			answer: { overall: 3, learned: 'partly', would_recommend: 'no', comment: odd }
		});
		await submit(token, during, { answer: { overall: 2, comment: '' } });
		const rows = await world.db
			.selectFrom('feedback_answers')
			.innerJoin('feedback_links', 'feedback_links.id', 'feedback_answers.link_id')
			.selectAll('feedback_answers')
			.where('feedback_links.token', '=', token)
			.orderBy('feedback_answers.id')
			.execute();
		expect(rows.map(({ id: _id, link_id: _link, ...row }) => row)).toEqual([
			{
				overall: 3,
				learned: 'partly',
				would_recommend: 0,
				comment: odd,
				created_at: during.toISOString()
			},
			{
				overall: 2,
				learned: null,
				would_recommend: null,
				comment: null,
				created_at: during.toISOString()
			}
		]);
		expect(JSON.stringify(rows)).not.toContain('10.0.0.1');
	});
});
