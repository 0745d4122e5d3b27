import { readFileSync } from 'node:fs';
import { expect, request } from '@playwright/test';
import { sessionFeedbackFormPath } from '../helpers';
import type { DatabaseWatch } from './database';
import { contextFor, formFields } from './forms';

// Public forms that take no answers, each reached through a real link that the app makes (the
// session's printable sheet, opened by admin@): a confirmed session that has not started (not
// open), a session held more than a week ago (closed), and the demo's session 4 once its
// attendance is corrected, through the attendance form, to one person present, which caps it at
// two answers; answers are given until it says so (full). The page tells each state by a notice
// in place of its questions.

export type RefusingState = 'not_open' | 'closed' | 'full';
type Shown = RefusingState | 'answered' | 'open';

const wording = (locale: string) =>
	JSON.parse(readFileSync(`messages/feedback/${locale}.json`, 'utf8')) as Record<string, string>;

/** The notices as the Persian (default) and English forms word them for a session. */
const notices = Object.fromEntries(
	(['fa', 'en'] as const).map((locale) => {
		const words = wording(locale);
		const notice: Record<Exclude<Shown, 'open'>, string> = {
			// The part after the opening time.
			not_open: words.feedback_public_not_open!.split('{from}')[1]!,
			closed: words.feedback_public_closed!,
			full: words.feedback_public_full!,
			answered: words.feedback_public_thanks!
		};
		return [locale, notice];
	})
);

/** What the form's page shows: its questions, or which notice. */
export function shownState(html: string, english: boolean): Shown | null {
	if (html.includes('name="overall"')) return 'open';
	const found = Object.entries(notices[english ? 'en' : 'fa']!).find(([, notice]) =>
		html.includes(notice)
	);
	return (found?.[0] as Shown | undefined) ?? null;
}

async function stateAt(baseURL: string, path: string): Promise<Shown | null> {
	const visitor = await request.newContext({ baseURL });
	try {
		return shownState(await (await visitor.get(path)).text(), false);
	} finally {
		await visitor.dispose();
	}
}

/** Corrects session 4's attendance to one teacher; answers until its cap of two is reached. */
async function fillSessionFour(baseURL: string, path: string): Promise<void> {
	const staff = await contextFor('school_staff', baseURL);
	const page = await staff.get('/sessions/4/attendance');
	const fields = formFields(await page.text(), 'attendance');
	const counts = (name: string) => (name === 'teachers' ? '1' : '0');
	const form = Object.fromEntries(
		fields.map(({ name, options }) => [name, name === 'version' ? options[0]! : counts(name)])
	);
	const saved = await staff.post('/sessions/4/attendance?/attendance', { form, maxRedirects: 0 });
	expect(saved.status(), 'the attendance is corrected').toBe(303);
	await staff.dispose();
	for (let i = 0; i < 2 && (await stateAt(baseURL, path)) === 'open'; i++) {
		const participant = await request.newContext({
			baseURL,
			extraHTTPHeaders: { origin: baseURL }
		});
		await participant.post(path, { form: { overall: '3' }, maxRedirects: 0 });
		await participant.dispose();
	}
}

/** A link to a form in each state that takes no answers, checked to show its notice. */
export async function refusingFormPaths(
	baseURL: string,
	database: DatabaseWatch
): Promise<Record<RefusingState, string>> {
	const now = new Date();
	const weekAgo = new Date(now.getTime() - 8 * 24 * 60 * 60 * 1000).toISOString();
	const sessionWhere = (where: string, at: string) =>
		database.value(`select id from bell_sessions where ${where} order by id limit 1`, at) as number;
	const notOpen = sessionWhere(`status = 'confirmed' and starts_at > ?`, now.toISOString());
	const closed = sessionWhere(`status = 'held' and ends_at < ?`, weekAgo);
	const admin = 'admin@demo.test';
	const paths = {
		not_open: await sessionFeedbackFormPath(baseURL, notOpen, admin),
		closed: await sessionFeedbackFormPath(baseURL, closed, admin),
		full: await sessionFeedbackFormPath(baseURL, 4, admin)
	};
	await fillSessionFour(baseURL, paths.full);
	for (const [state, path] of Object.entries(paths))
		expect(await stateAt(baseURL, path), `${path} shows its notice`).toBe(state);
	return paths;
}
