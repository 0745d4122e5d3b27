import { request } from '@playwright/test';
import { ANSWER_COMMENT_MAX } from '../../../src/lib/feedback/limits';
import { withoutControlCharacters } from '../../../src/lib/schemas/feedback';
import { describeChanges, keptByTriggers, type DatabaseWatch } from './database';
import type { FeedbackAttempt } from './feedback-attempts';
import type { Session } from './forms';

// One answer to the public feedback form through a real link, and what it must leave behind: a
// refusal nothing; an accepted answer one row holding only the answer (no account, no address,
// no audit entry, nothing else written), even when the person answering is signed in; a valid
// answer to an open form, exactly what was chosen.

const ANSWER_COLUMNS = [
	'comment',
	'created_at',
	'id',
	'learned',
	'link_id',
	'overall',
	'would_recommend'
];

/** What a stored answer should hold, given the form that was sent. */
function expectedAnswer(form: Record<string, string>) {
	return {
		overall: Number(form.overall),
		learned: form.learned ?? null,
		would_recommend:
			form.would_recommend === undefined ? null : Number(form.would_recommend === 'yes'),
		comment: withoutControlCharacters(form.comment ?? '') || null
	};
}

/** Whatever the form, a stored answer keeps only what the schema allows. */
function answerRuleBroken(row: Record<string, unknown>): boolean {
	const comment = row.comment;
	return (
		!(
			Number.isInteger(row.overall) &&
			(row.overall as number) >= 1 &&
			(row.overall as number) <= 5
		) ||
		![null, 'yes', 'partly', 'no'].includes(row.learned as string | null) ||
		![null, 0, 1].includes(row.would_recommend as number | null) ||
		(comment !== null &&
			(typeof comment !== 'string' ||
				comment === '' ||
				comment.length > ANSWER_COMMENT_MAX ||
				comment !== withoutControlCharacters(comment)))
	);
}

/** A fresh browser: the role's session cookie, and the form's "answered" cookie if it has one. */
export async function browserFor(
	attempt: FeedbackAttempt,
	token: string,
	baseURL: string,
	session: Session
) {
	const answered = {
		name: `feedback_${token}`,
		value: '1',
		domain: new URL(baseURL).hostname,
		path: '/',
		expires: -1,
		httpOnly: true,
		secure: false,
		sameSite: 'Lax' as const
	};
	const cookies = [
		...(attempt.role === 'anonymous' ? [] : session.cookies),
		...(attempt.answeredBefore ? [answered] : [])
	];
	return request.newContext({
		baseURL,
		storageState: { cookies, origins: [] },
		extraHTTPHeaders: { origin: baseURL, accept: 'text/html' }
	});
}

/** What is wrong with the answer just stored. */
function storedAnswerProblems(row: Record<string, unknown>, attempt: FeedbackAttempt): string[] {
	const problems: string[] = [];
	if (attempt.answeredBefore) problems.push('stored a second answer from one browser');
	if (Object.keys(row).sort().join() !== ANSWER_COLUMNS.join())
		problems.push(`the answer keeps ${Object.keys(row).join(', ')}`);
	const { overall, learned, would_recommend, comment } = row;
	const kept = JSON.stringify({ overall, learned, would_recommend, comment });
	if (
		answerRuleBroken(row) ||
		(attempt.valid && kept !== JSON.stringify(expectedAnswer(attempt.form)))
	)
		problems.push(`stored ${JSON.stringify(row)}`);
	return problems;
}

/** Sends one answer from a fresh browser; the problems it shows, none when all is well. */
export async function sendFeedbackAnswer(
	database: DatabaseWatch,
	attempt: FeedbackAttempt & { path: string; baseURL: string; session: Session }
): Promise<string[]> {
	const { path, baseURL } = attempt;
	const token = path.split('/').pop()!;
	const browser = await browserFor(attempt, token, baseURL, attempt.session);
	try {
		const before = database.snapshot();
		const response = await browser.post(path, { form: attempt.form, maxRedirects: 0 });
		const status = response.status();
		const changes = database.changesSince(before);
		const sent = `${attempt.role}${attempt.answeredBefore ? ' (answered before)' : ''} ${JSON.stringify(attempt.form)} → ${status}`;
		if (status >= 500) return [sent];
		if (status >= 400)
			return changes.length ? [`${sent} but wrote ${describeChanges(changes)}`] : [];
		if (status !== 303) return [`${sent}: neither a refusal nor back to the form`];
		// The coverage tallies follow an answer to a held session (triggers, same transaction).
		const written = changes.filter((change) => !keptByTriggers(change.table));
		const stored =
			written.length === 1 &&
			written[0]!.table === 'feedback_answers' &&
			written[0]!.rowsAfter === written[0]!.rowsBefore + 1;
		if (changes.length && !stored) return [`${sent} wrote ${describeChanges(changes)}`];
		if (!stored) {
			const open = attempt.valid && !attempt.answeredBefore && (await formIsOpen(baseURL, path));
			return open ? [`${sent}: a valid answer to an open form was not stored`] : [];
		}
		const problems = storedAnswerProblems(database.lastRow('feedback_answers')!, attempt);
		if (!(response.headers()['set-cookie'] ?? '').includes(`feedback_${token}=1`))
			problems.push('no "answered" cookie');
		return problems.map((problem) => `${sent}: ${problem}`);
	} finally {
		await browser.dispose();
	}
}

/** Whether the form still takes answers (not full, not closed), seen by a new visitor. */
async function formIsOpen(baseURL: string, path: string): Promise<boolean> {
	const visitor = await request.newContext({ baseURL });
	try {
		return (await (await visitor.get(path)).text()).includes('name="overall"');
	} finally {
		await visitor.dispose();
	}
}
