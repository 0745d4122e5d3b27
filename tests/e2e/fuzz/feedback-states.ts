import { readFileSync } from 'node:fs';
import { expect, request } from '@playwright/test';
import { feedbackFormPath } from '../helpers';
import type { DatabaseWatch } from './database';
import { contextFor, formFields } from './forms';

// Public forms that take no answers, each reached through a real link that the app makes (the
// printable sheet, opened by admin@), for a bell session and for a campaign event alike: one that
// has not started (not open), one whose window ended more than a week ago (closed), and one that
// has started whose attendance is corrected, through its attendance form, to one person present,
// which caps it at two answers; answers are given until it says so (full). The session's is the
// demo's session 4 (the open form's test answers it first). The page tells each state by a
// notice in place of its questions, worded for a session or an event.

export type RefusingState = 'not_open' | 'closed' | 'full';
export type FormKind = 'session' | 'event';
type Shown = RefusingState | 'answered' | 'open';

export interface RefusingForm {
	kind: FormKind;
	state: RefusingState;
	path: string;
}

const wording = (locale: string) =>
	JSON.parse(readFileSync(`messages/feedback/${locale}.json`, 'utf8')) as Record<string, string>;

/** The notices as the Persian (default) and English forms word them, for a session or an event. */
const notices = Object.fromEntries(
	(['fa', 'en'] as const).flatMap((locale) => {
		const words = wording(locale);
		return (['session', 'event'] as const).map((kind) => {
			const notOpen =
				kind === 'event' ? 'feedback_event_public_not_open' : 'feedback_public_not_open';
			const notice: Record<Exclude<Shown, 'open'>, string> = {
				// The part after the opening time.
				not_open: words[notOpen]!.split('{from}')[1]!,
				closed: words.feedback_public_closed!,
				full: words.feedback_public_full!,
				answered: words.feedback_public_thanks!
			};
			return [`${locale} ${kind}`, notice];
		});
	})
);

/** What the form's page shows: its questions, or which notice. */
export function shownState(html: string, english: boolean, kind: FormKind): Shown | null {
	if (html.includes('name="overall"')) return 'open';
	const found = Object.entries(notices[`${english ? 'en' : 'fa'} ${kind}`]!).find(([, notice]) =>
		html.includes(notice)
	);
	return (found?.[0] as Shown | undefined) ?? null;
}

async function stateAt(baseURL: string, path: string, kind: FormKind): Promise<Shown | null> {
	const visitor = await request.newContext({ baseURL });
	try {
		return shownState(await (await visitor.get(path)).text(), false, kind);
	} finally {
		await visitor.dispose();
	}
}

/** What makes a form full: who corrects the attendance, where, and the count set to one. */
interface Filling {
	role: 'admin' | 'school_staff';
	attendancePath: string;
	present: string;
}

/** Corrects the attendance to one person present; answers until its cap of two is reached. */
async function fillToCap(baseURL: string, form: RefusingForm, filling: Filling): Promise<void> {
	const recorder = await contextFor(filling.role, baseURL);
	const page = await recorder.get(filling.attendancePath);
	const fields = formFields(await page.text(), 'attendance');
	const counts = (name: string) => (name === filling.present ? '1' : '0');
	const values = Object.fromEntries(
		fields.map(({ name, options }) => [name, name === 'version' ? options[0]! : counts(name)])
	);
	const saved = await recorder.post(`${filling.attendancePath}?/attendance`, {
		form: values,
		maxRedirects: 0
	});
	expect(saved.status(), `the attendance at ${filling.attendancePath} is corrected`).toBe(303);
	await recorder.dispose();
	for (let i = 0; i < 2 && (await stateAt(baseURL, form.path, form.kind)) === 'open'; i++) {
		const participant = await request.newContext({
			baseURL,
			extraHTTPHeaders: { origin: baseURL }
		});
		await participant.post(form.path, { form: { overall: '3' }, maxRedirects: 0 });
		await participant.dispose();
	}
}

/** Links to a session's and an event's form in each state that takes no answers, each checked. */
export async function refusingForms(
	baseURL: string,
	database: DatabaseWatch
): Promise<RefusingForm[]> {
	const now = new Date().toISOString();
	const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
	const first = (table: string, where: string, ...at: string[]) =>
		database.value(`select id from ${table} where ${where} order by starts_at limit 1`, ...at);
	const campaignOf = (event: unknown) =>
		database.value('select campaign_id from campaign_events where id = ?', event);
	const eventSheet = (event: unknown) => `/campaigns/${campaignOf(event)}/events/${event}/sheet`;
	const notStarted = `starts_at > ?`;
	// Its window (until a week after its end) ended: more than eight days ago, to be clear of it.
	const ended = `ends_at < ?`;
	const started = `starts_at <= ? and ends_at > ?`;
	const sheets: Record<FormKind, Record<RefusingState, string>> = {
		session: {
			not_open: `/sessions/${first('bell_sessions', `status = 'confirmed' and ${notStarted}`, now)}/sheet`,
			closed: `/sessions/${first('bell_sessions', `status = 'held' and ${ended}`, daysAgo(8))}/sheet`,
			full: '/sessions/4/sheet'
		},
		event: {
			not_open: eventSheet(first('campaign_events', `status = 'scheduled' and ${notStarted}`, now)),
			closed: eventSheet(
				first('campaign_events', `status <> 'cancelled' and ${ended}`, daysAgo(8))
			),
			full: eventSheet(
				first('campaign_events', `status <> 'cancelled' and ${started}`, now, daysAgo(6))
			)
		}
	};
	const forms: RefusingForm[] = [];
	for (const [kind, states] of Object.entries(sheets) as [FormKind, typeof sheets.session][])
		for (const [state, sheet] of Object.entries(states) as [RefusingState, string][])
			forms.push({ kind, state, path: await feedbackFormPath(baseURL, sheet, 'admin@demo.test') });
	const full = (kind: FormKind) =>
		forms.find((form) => form.kind === kind && form.state === 'full')!;
	await fillToCap(baseURL, full('session'), {
		role: 'school_staff',
		attendancePath: '/sessions/4/attendance',
		present: 'teachers'
	});
	await fillToCap(baseURL, full('event'), {
		role: 'admin',
		attendancePath: sheets.event.full.replace(/sheet$/, 'attendance'),
		present: 'adults_women'
	});
	for (const { kind, state, path } of forms)
		expect(await stateAt(baseURL, path, kind), `the ${kind}'s ${path} shows its notice`).toBe(
			state
		);
	return forms;
}
