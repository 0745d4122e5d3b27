import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

// Answers per address, to slow down a script filling in the public form. A whole class may answer
// from the school's one address at the end of a session, so the limit is generous; the cap per
// session bounds the rest. Addresses live only in this process's memory, never in the database.

export const ANSWERS_PER_ADDRESS = 60;
export const RATE_WINDOW_SECONDS = 10 * 60;

/** What the form needs of a limiter; tests pass a small one. */
export interface AnswerLimiter {
	consume(key: string): Promise<unknown>;
}

export function createAnswerLimiter(
	points = ANSWERS_PER_ADDRESS,
	duration = RATE_WINDOW_SECONDS
): AnswerLimiter {
	return new RateLimiterMemory({ points, duration, keyPrefix: 'feedback-answers' });
}

/** The limiter of the running app. */
export const answerLimiter = createAnswerLimiter();

/** Counts one attempt from the address; false when it is over the limit. */
export async function takeAnswerAttempt(limiter: AnswerLimiter, address: string): Promise<boolean> {
	try {
		await limiter.consume(address);
		return true;
	} catch (refusal) {
		if (refusal instanceof RateLimiterRes) return false;
		throw refusal;
	}
}
