import { describeChanges, type DatabaseWatch } from './database';
import { browserFor } from './feedback';
import type { FeedbackAttempt } from './feedback-attempts';
import { shownState, type RefusingForm } from './feedback-states';
import type { Session } from './forms';

// One answer to a session's or event's form that takes none (not open yet, closed, full), and
// what it must come to:
// no 5xx, nothing written, and a refusal a person understands: back to the form (303), which
// shows why it takes no answer, or the form's page itself saying so (400 invalid, 429 too many
// from one address). A browser that has answered is thanked instead.

export interface RefusedAttempt extends FeedbackAttempt, RefusingForm {
	english: boolean;
}

/** Sends one answer from a fresh browser; the problems it shows, none when all is well. */
export async function sendRefusedAnswer(
	database: DatabaseWatch,
	attempt: RefusedAttempt & { baseURL: string; session: Session }
): Promise<string[]> {
	const token = attempt.path.split('/').pop()!;
	const path = `${attempt.english ? '/en' : ''}${attempt.path}`;
	const browser = await browserFor(attempt, token, attempt.baseURL, attempt.session);
	try {
		const before = database.snapshot();
		const response = await browser.post(path, { form: attempt.form, maxRedirects: 0 });
		const status = response.status();
		const changes = database.changesSince(before);
		const sent = `${attempt.kind} ${attempt.state} ${attempt.role}${attempt.answeredBefore ? ' (answered before)' : ''} ${path} ${JSON.stringify(attempt.form)} → ${status}`;
		if (status >= 500) return [sent];
		const problems = changes.length ? [`wrote ${describeChanges(changes)}`] : [];
		const location = response.headers().location ?? '';
		let page: string | null = null;
		if (status === 303 && location === path) page = await (await browser.get(location)).text();
		else if (status === 400 || status === 429) page = await response.text();
		const expected = attempt.answeredBefore ? 'answered' : attempt.state;
		if (page === null) problems.push(`neither a refusal nor back to the form (${location})`);
		else if (shownState(page, attempt.english, attempt.kind) !== expected)
			problems.push(`the page does not say "${expected}"`);
		return problems.map((problem) => `${sent}: ${problem}`);
	} finally {
		await browser.dispose();
	}
}
