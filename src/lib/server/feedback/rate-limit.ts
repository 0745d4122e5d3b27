import type { RateLimit } from '../rate-limit/fixed-window.ts';

// Answers per address, to slow down a script filling in the public form. A whole class may answer
// from the school's one address at the end of a session, so the limit is generous; the cap per
// session bounds the rest. Counted with every other per-address limit (rate-limit/fixed-window.ts:
// shared by the worker processes, a hash of the address, gone once its window has passed), and
// never linked to the answers.

export const ANSWERS_PER_ADDRESS = 60;
export const RATE_WINDOW_SECONDS = 10 * 60;

/** What the form's limit is; tests pass a small one. */
export type AnswerLimiter = RateLimit;

export function createAnswerLimiter(
	points = ANSWERS_PER_ADDRESS,
	duration = RATE_WINDOW_SECONDS
): AnswerLimiter {
	return { name: 'feedback-answers', limit: points, windowSeconds: duration };
}

/** The limit of the running app. */
export const answerLimiter = createAnswerLimiter();
