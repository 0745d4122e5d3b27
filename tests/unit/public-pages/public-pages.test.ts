import ical, { type VEvent } from 'node-ical';
import { getDayOfWeek, parseDate } from '@internationalized/date';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { loadDemoData } from '../../../src/lib/server/demo/load.ts';
import { buildPublicCenterFeed } from '../../../src/lib/server/public-pages/feed.ts';
import {
	notModifiedIfFresh,
	publicCacheHeaders,
	publicPageLimit,
	refusePublicFlood
} from '../../../src/lib/server/public-pages/http.ts';
import { createMicroCache } from '../../../src/lib/server/public-pages/micro-cache.ts';
import { loadPosterMonth } from '../../../src/lib/server/public-pages/poster.ts';
import { findPublicNeighborhood } from '../../../src/lib/server/public-pages/repository.ts';
import { loadPublicNeighborhoodPage } from '../../../src/lib/server/public-pages/service.ts';
import { createTestDb } from '../../helpers/test-db.ts';

// A neighbourhood's public page, poster and feed, from the demo data: its centre's coming Sunday
// events with cancelled, moved and unsettled ones marked, the past month's held events with their
// attendance totals, and nothing a signed-out visitor must not read: no school, session, reason
// or person. The answers are cacheable, 304 when unchanged, and refused past the address's limit.

const NOW = new Date('2026-11-26T08:00:00.000Z');
const TODAY = '2026-11-26';

describe('the public neighbourhood page', () => {
	let db: DB;
	let dowlab: number;
	beforeAll(async () => {
		db = await createTestDb();
		await loadDemoData(db, NOW);
		dowlab = (
			await db
				.selectFrom('neighborhoods')
				.select('id')
				.where('name_fa', '=', 'دولاب')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterAll(async () => db.destroy());

	/** Everything the public must not read, from the demo data. */
	async function secrets(): Promise<string[]> {
		const [schools, users, facilitators, sessions, events] = await Promise.all([
			db.selectFrom('schools').select(['name', 'ministry_code']).execute(),
			db.selectFrom('users').select(['display_name', 'email']).execute(),
			db.selectFrom('facilitators').select('name').execute(),
			db.selectFrom('bell_sessions').select(['location', 'note']).execute(),
			db.selectFrom('campaign_events').select('cancel_reason').execute()
		]);
		const reasons = await db.selectFrom('audit_log').select('reason').execute();
		return [
			...schools.flatMap((s) => [s.name, s.ministry_code]),
			...users.flatMap((u) => [u.display_name, u.email]),
			...facilitators.map((f) => f.name),
			...sessions.flatMap((s) => [s.location, s.note]),
			...events.map((e) => e.cancel_reason),
			...reasons.map((r) => r.reason)
		].filter((text): text is string => !!text && text.length > 2);
	}

	it('lists the centre’s coming events in time order, cancelled, moved and unsettled ones marked', async () => {
		const page = (await loadPublicNeighborhoodPage(db, dowlab, NOW))!;
		expect(page.neighborhood.name_fa).toBe('دولاب');
		expect(page.neighborhood.centers).toEqual([
			expect.objectContaining({ name: 'سرای محله دولاب', phone: expect.stringMatching(/^021-/) })
		]);
		const starts = page.upcoming.map((e) => e.starts_at);
		expect(starts).toEqual([...starts].sort());
		expect(starts.every((s) => s > NOW.toISOString())).toBe(true);
		expect(page.upcoming.length).toBe(12);
		const cancelled = page.upcoming.filter((e) => e.status === 'cancelled');
		expect(cancelled).toHaveLength(1);
		const moved = page.upcoming.filter((e) => e.movedFrom);
		expect(moved).toEqual([
			expect.objectContaining({
				movedFrom: { date: expect.any(String), time: '16:00' },
				place: 'حیاط سرا'
			})
		]);
		expect(moved[0]!.date).not.toBe(moved[0]!.movedFrom!.date);
		expect(page.upcoming.filter((e) => e.unconfirmed)).toHaveLength(1);
	});

	it('sums the past month’s held events from their attendance only', async () => {
		const page = (await loadPublicNeighborhoodPage(db, dowlab, NOW))!;
		expect(page.held.to).toBe(TODAY);
		expect(page.held.from).toBe('2026-10-26');
		const recorded = await db
			.selectFrom('campaign_event_attendance')
			.selectAll()
			.where(
				'campaign_event_id',
				'in',
				page.held.events.map((e) => e.id)
			)
			.execute();
		const total = recorded.reduce(
			(sum, r) =>
				sum +
				r.adults_women +
				r.adults_men +
				r.youth_girls +
				r.youth_boys +
				r.children_girls +
				r.children_boys,
			0
		);
		expect(page.held.events.length).toBeGreaterThan(0);
		expect(page.held.attendance).toBe(total);
		expect(Object.keys(page.held.events[0]!).sort()).toEqual(
			['attendance', 'date', 'ends_at', 'id', 'starts_at', 'title', 'topic_en', 'topic_fa'].sort()
		);
	});

	it('is null for a neighbourhood that does not exist', async () => {
		expect(await loadPublicNeighborhoodPage(db, 99999, NOW)).toBeNull();
	});

	it('holds no school, session detail, reason or person, on the page, poster or feed', async () => {
		const hidden = await secrets();
		expect(hidden.length).toBeGreaterThan(50);
		const neighborhoods = await db.selectFrom('neighborhoods').select('id').execute();
		for (const { id } of neighborhoods) {
			const page = await loadPublicNeighborhoodPage(db, id, NOW);
			const place = (await findPublicNeighborhood(db, id))!;
			const centerIds = place.centers.map((c) => c.id);
			const poster = await loadPosterMonth(db, centerIds, null, 'fa', TODAY);
			const feeds = await Promise.all(
				place.centers.map((center) =>
					buildPublicCenterFeed(
						db,
						{ neighborhoodId: id, center },
						{ origin: 'https://bell.example.org', locale: 'fa', now: NOW }
					)
				)
			);
			const text = JSON.stringify([page, poster]) + feeds.join('');
			for (const secret of hidden) expect(text).not.toContain(secret);
			expect(text).not.toMatch(/bell-session|\/sessions\//);
		}
	});

	it('puts every Sunday of the month on the poster, and a moved event on its own day', async () => {
		const place = (await findPublicNeighborhood(db, dowlab))!;
		const ids = place.centers.map((c) => c.id);
		const page = (await loadPublicNeighborhoodPage(db, dowlab, NOW))!;
		const moved = page.upcoming.find((e) => e.movedFrom)!;
		const month = await loadPosterMonth(db, ids, null, 'fa', moved.date);
		const sunday = (date: string) => getDayOfWeek(parseDate(date), 'en-US', 'sun') === 0;
		let day = parseDate(month.first);
		const sundays: string[] = [];
		for (; day.toString() <= month.last; day = day.add({ days: 1 }))
			if (sunday(day.toString())) sundays.push(day.toString());
		expect(month.days.filter((d) => sunday(d.date)).map((d) => d.date)).toEqual(sundays);
		expect(month.days.find((d) => d.date === moved.date)?.events.map((e) => e.id)).toEqual([
			moved.id
		]);
	});

	it('feeds the centre’s events with their states, in the asked language', async () => {
		const place = (await findPublicNeighborhood(db, dowlab))!;
		const text = await buildPublicCenterFeed(
			db,
			{ neighborhoodId: dowlab, center: place.centers[0]! },
			{ origin: 'https://bell.example.org', locale: 'en', now: NOW }
		);
		const events = Object.values(ical.sync.parseICS(text)).filter(
			(c): c is VEvent => c?.type === 'VEVENT'
		);
		const count = await db
			.selectFrom('campaign_events')
			.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('campaigns.center_id', '=', place.centers[0]!.id)
			.executeTakeFirstOrThrow();
		expect(events).toHaveLength(Number(count.n));
		const states = events.map((e) => e.status);
		expect(states).toContain('CANCELLED');
		expect(states).toContain('TENTATIVE');
		const page = `https://bell.example.org/en/n/${dowlab}`;
		const urls = events.map((e) => (e.url as unknown as { val: string } | undefined)?.val);
		expect(new Set(urls)).toEqual(new Set([page]));
	});
});

describe('public answers under a crowd', () => {
	const request = (etag?: string, method = 'GET') =>
		new Request('https://bell.example.org/n/1', {
			method,
			headers: etag ? { 'if-none-match': etag } : {}
		});
	const answer = (headers: Record<string, string>) =>
		new Response('<p>page</p>', {
			status: 200,
			headers: { 'content-type': 'text/html', ...headers }
		});

	it('is public for a minute with an ETag signed out, private signed in', () => {
		const out = publicCacheHeaders(false, 'a');
		expect(out['cache-control']).toBe('public, max-age=60');
		expect(out.etag).toMatch(/^W\/"[\w-]+"$/);
		expect(publicCacheHeaders(false, 'b').etag).not.toBe(out.etag);
		expect(publicCacheHeaders(true, 'a')).toEqual({ 'cache-control': 'private, no-cache' });
	});

	it('answers 304 when the browser holds the same version, the page otherwise', async () => {
		const headers = publicCacheHeaders(false, 'a');
		const fresh = notModifiedIfFresh(request(`"x", ${headers.etag}`), answer(headers));
		expect(fresh.status).toBe(304);
		expect(await fresh.text()).toBe('');
		expect(fresh.headers.get('etag')).toBe(headers.etag);
		expect(fresh.headers.get('cache-control')).toBe('public, max-age=60');
		expect(notModifiedIfFresh(request('W/"other"'), answer(headers)).status).toBe(200);
		expect(notModifiedIfFresh(request(headers.etag, 'POST'), answer(headers)).status).toBe(200);
		expect(notModifiedIfFresh(request(), answer(headers)).status).toBe(200);
	});

	it('refuses an address over the limit with the wait, and leaves other routes alone', async () => {
		const db = await createTestDb();
		try {
			const event = (routeId: string, address = '198.51.100.7') => ({
				route: { id: routeId },
				getClientAddress: () => address
			});
			const at = new Date('2026-11-29T09:00:30.000Z');
			for (let i = 0; i < publicPageLimit.limit; i++)
				expect(await refusePublicFlood(db, event('/n/[id]'), at)).toBeNull();
			const refused = (await refusePublicFlood(db, event('/n/[id]/poster'), at))!;
			expect(refused.status).toBe(429);
			expect(refused.headers.get('retry-after')).toBe('30');
			expect(await refused.text()).toMatch(/درخواست/);
			expect(await refusePublicFlood(db, event('/n/[id]', '198.51.100.8'), at)).toBeNull();
			expect(await refusePublicFlood(db, event('/coverage'), at)).toBeNull();
		} finally {
			await db.destroy();
		}
	});
});

describe('the process’s own copy of public answers', () => {
	const made = (status: number, control: string, body = 'page') => {
		let count = 0;
		return {
			count: () => count,
			make: async () => {
				count++;
				return new Response(`${body} ${count}`, { status, headers: { 'cache-control': control } });
			}
		};
	};

	it('keeps a public 200 for its max-age, then makes it again', async () => {
		const cache = createMicroCache();
		const page = made(200, 'public, max-age=60');
		const texts = [];
		for (const at of [0, 30_000, 59_999, 60_000])
			texts.push(await (await cache.answer('/n/1', page.make, at)).text());
		expect(texts).toEqual(['page 1', 'page 1', 'page 1', 'page 2']);
	});

	it('keeps nothing private, refused or missing', async () => {
		const cache = createMicroCache();
		for (const [status, control] of [
			[200, 'private, no-cache'],
			[404, 'public, max-age=60'],
			[200, '']
		] as const) {
			const answer = made(status, control);
			await cache.answer('/x', answer.make, 0);
			await cache.answer('/x', answer.make, 1);
			expect(answer.count()).toBe(2);
		}
	});

	it('holds a bounded number of answers, dropping the oldest', async () => {
		const cache = createMicroCache(2);
		const page = made(200, 'public, max-age=60');
		for (const key of ['/a', '/b', '/c', '/b', '/a']) await cache.answer(key, page.make, 0);
		// /a was dropped for /c, so it was made again; /b was still kept.
		expect(page.count()).toBe(4);
	});
});
