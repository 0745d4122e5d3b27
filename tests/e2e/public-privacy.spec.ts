import SQLite from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { formatDate, formatTime } from '../../src/lib/i18n/format';
import { m } from '../../src/lib/paraglide/messages';
import { e2eDatabasePath } from './helpers';

// Every public page, poster and feed, signed out, in Persian and English, for every neighbourhood
// of the demo: none may carry a school's name or code, a person's name or address (users,
// facilitators), a bell session's place, note or date and time, or a reason someone wrote. What
// must stay private is read from the running app's own database.

type Locale = 'fa' | 'en';
const locales: Locale[] = ['fa', 'en'];

interface Demo {
	neighborhoods: { id: number; centers: number[] }[];
	words: string[];
	/** Bell sessions' dates and times as pages and feeds would write them, per language. */
	sessionTimes: Record<Locale, string[]>;
}

function readDemo(): Demo {
	const db = new SQLite(e2eDatabasePath, { readonly: true, fileMustExist: true });
	try {
		const column = (sql: string) =>
			(db.prepare(sql).raw().all() as unknown[][]).flat().filter((v): v is string => !!v);
		const words = [
			...column('select name from schools'),
			...column('select ministry_code from schools'),
			...column('select principal_name from schools'),
			...column('select display_name from users'),
			...column('select email from users'),
			...column('select name from facilitators'),
			...column('select phone from facilitators'),
			...column('select location from bell_sessions'),
			...column('select note from bell_sessions'),
			...column('select cancel_reason from campaign_events'),
			...column('select reason from audit_log')
		].filter((word) => word.trim().length > 2);
		type Slot = { date: string; starts_at: string; ends_at: string };
		const slots = (sql: string) => db.prepare(sql).all() as Slot[];
		const written = (slot: Slot, locale: Locale) =>
			`${formatDate(slot.date, 'full', locale)}${locale === 'fa' ? '، ' : ', '}${m.bell_sessions_time_range(
				{ start: formatTime(slot.starts_at, locale), end: formatTime(slot.ends_at, locale) },
				{ locale }
			)}`;
		const sessions = slots('select date, starts_at, ends_at from bell_sessions');
		const events = slots('select date, starts_at, ends_at from campaign_events');
		const sessionTimes = {} as Record<Locale, string[]>;
		for (const locale of locales) {
			// A session at the very time of a Sunday event would read the same: not a leak.
			const public_ = new Set(events.map((e) => written(e, locale)));
			sessionTimes[locale] = sessions
				.map((s) => written(s, locale))
				.filter((text) => !public_.has(text));
		}
		const centers = db.prepare('select id, neighborhood_id from centers').all() as {
			id: number;
			neighborhood_id: number;
		}[];
		const neighborhoods = (
			db.prepare('select id from neighborhoods').all() as { id: number }[]
		).map(({ id }) => ({
			id,
			centers: centers.filter((c) => c.neighborhood_id === id).map((c) => c.id)
		}));
		return { neighborhoods, words, sessionTimes };
	} finally {
		db.close();
	}
}

/** The iCalendar start of each bell session, as a leaked session would be written. */
function sessionStarts(): string[] {
	const db = new SQLite(e2eDatabasePath, { readonly: true, fileMustExist: true });
	try {
		const rows = db.prepare('select date, start_time from bell_sessions').all() as {
			date: string;
			start_time: string;
		}[];
		const events = new Set(
			(db.prepare('select date, start_time from campaign_events').all() as typeof rows).map(
				(e) => `${e.date}${e.start_time}`
			)
		);
		return rows
			.filter((s) => !events.has(`${s.date}${s.start_time}`))
			.map((s) => `${s.date.replaceAll('-', '')}T${s.start_time.replace(':', '')}00`);
	} finally {
		db.close();
	}
}

test('no public page, poster or feed carries a school, a bell session or a person', async ({
	request
}) => {
	test.setTimeout(180_000);
	const demo = readDemo();
	const starts = sessionStarts();
	expect(demo.neighborhoods).toHaveLength(25);
	expect(demo.words.length).toBeGreaterThan(60);
	expect(demo.sessionTimes.fa.length).toBeGreaterThan(5);
	const found: string[] = [];
	let checked = 0;
	for (const { id, centers } of demo.neighborhoods) {
		for (const locale of locales) {
			const prefix = locale === 'en' ? '/en' : '';
			const poster = await request.get(`${prefix}/n/${id}/poster`);
			const next = /href="[^"]*poster\?month=([0-9-]+)"[^>]*>[^<]*(?:ماه بعد|Next month)/.exec(
				await poster.text()
			)?.[1];
			expect(next, `the poster of ${id} links to the next month`).toBeTruthy();
			const paths = [
				`${prefix}/n/${id}`,
				`${prefix}/n/${id}/poster`,
				`${prefix}/n/${id}/poster?month=${next}`,
				...centers.map((c) => `${prefix}/n/${id}/centres/${c}.ics`)
			];
			for (const path of paths) {
				const response = await request.get(path);
				expect(response.status(), path).toBe(200);
				const text = await response.text();
				checked++;
				for (const word of demo.words) if (text.includes(word)) found.push(`${path}: «${word}»`);
				for (const when of demo.sessionTimes[locale])
					if (text.includes(when)) found.push(`${path}: a session at ${when}`);
				for (const start of starts)
					if (text.includes(`Asia/Tehran:${start}`)) found.push(`${path}: a session at ${start}`);
				if (/bell-session|\/sessions\//.test(text)) found.push(`${path}: a session's address`);
			}
		}
	}
	expect(checked).toBe(25 * 2 * 4);
	expect(found).toEqual([]);
});
