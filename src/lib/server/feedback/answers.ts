import type { DB } from '../db/connect.ts';
import type { AnswerFormData } from '../../schemas/feedback.ts';
import { takeHit } from '../rate-limit/fixed-window.ts';
import type { AnswerLimiter } from './rate-limit.ts';
import { formStateOf, type FormState } from './rules.ts';
import { findFeedbackTarget } from './target.ts';
import { inTransaction } from '../db/transaction.ts';

// Taking one anonymous answer. Refused, in this order: too many attempts from the address, an
// unknown link, a form not open (before the session, after the window, a cancelled session),
// a browser that has answered already (its cookie), a form that has reached its cap. The answer
// keeps nothing about who gave it.

export interface AnswerSubmission {
	token: string;
	answer: AnswerFormData;
	/** The browser carries this form's "answered" cookie. */
	answeredBefore: boolean;
	address: string;
	limiter: AnswerLimiter;
}

export type AnswerResult =
	| { ok: true }
	| {
			ok: false;
			error: 'rate_limited' | 'unknown' | 'already_answered' | Exclude<FormState, 'open'>;
	  };

export async function submitFeedbackAnswer(
	db: DB,
	submission: AnswerSubmission,
	now = new Date()
): Promise<AnswerResult> {
	if (!(await takeHit(db, submission.limiter, submission.address, now)).allowed)
		return { ok: false, error: 'rate_limited' };
	return inTransaction(db, async (trx): Promise<AnswerResult> => {
		// Read inside the transaction, so two last answers cannot both pass the cap.
		const target = await findFeedbackTarget(trx, submission.token);
		if (!target) return { ok: false, error: 'unknown' };
		const state = formStateOf(target, target.answers, now);
		if (state === 'not_open' || state === 'closed') return { ok: false, error: state };
		if (submission.answeredBefore) return { ok: false, error: 'already_answered' };
		if (state === 'full') return { ok: false, error: 'full' };
		const { overall, learned, would_recommend, comment } = submission.answer;
		await trx
			.insertInto('feedback_answers')
			.values({
				link_id: target.link_id,
				overall,
				learned: learned ?? null,
				would_recommend: would_recommend === undefined ? null : Number(would_recommend === 'yes'),
				comment: comment || null,
				created_at: now.toISOString()
			})
			.execute();
		return { ok: true };
	});
}
