import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VEvent } from 'node-ical';
import { sessionInstants } from '../../../src/lib/server/bell-sessions/time.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import type { BellSessionStatus } from '../../../src/lib/server/db/schema.ts';
import { createSessionWorld, NOW, proposal, type SessionWorld } from '../bell-sessions/fixtures.ts';
import { moveSession, ORIGIN, readFeedOf, setLocale } from './fixtures.ts';

const uid = (id: number) => `bell-session-${id}@prevention-bell`;

function eventOf(events: VEvent[], id: number): VEvent {
	const event = events.find((e) => e.uid === uid(id));
	if (!event) throw new Error(`no event for session ${id}`);
	return event;
}

// node-ical gives a property with parameters (URL;VALUE=URI) as { params, val }.
function urlOf(event: VEvent): string {
	const url = event.url as unknown as string | { val: string };
	return typeof url === 'string' ? url : url.val;
}

describe('calendar feed', () => {
	let world: SessionWorld;
	let id: number;
	beforeEach(async () => {
		world = await createSessionWorld();
		const result = await proposeBellSession(world.db, world.manager, proposal(world), NOW);
		if (!result.ok) throw new Error('proposal refused');
		id = result.id;
	});
	afterEach(async () => world.db.destroy());

	const setStatus = (status: BellSessionStatus) =>
		world.db
			.updateTable('bell_sessions')
			.set((eb) => ({ status, version: eb('version', '+', 1) }))
			.where('id', '=', id)
			.execute();

	it('gives 08:00 in Tehran with its time zone, and the zone itself', async () => {
		const { text, events } = await readFeedOf(world.db, 'staff@demo.test');
		const event = eventOf(events, id);
		expect(event.start.toISOString()).toBe('2026-12-01T04:30:00.000Z');
		expect(event.end?.toISOString()).toBe('2026-12-01T05:30:00.000Z');
		expect(text).toContain('DTSTART;TZID=Asia/Tehran:20261201T080000');
		expect(text).toContain('DTEND;TZID=Asia/Tehran:20261201T090000');
		// A VTIMEZONE with today's +03:30 and no daylight saving (abolished in 2022).
		expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Asia\/Tehran\r\n/);
		expect(text).toContain('TZOFFSETTO:+0330');
		expect(text).not.toContain('+0430');
	});

	it('keeps the UID when the session moves and raises SEQUENCE with each change', async () => {
		const before = eventOf((await readFeedOf(world.db, 'staff@demo.test')).events, id);
		expect(Number(before.sequence)).toBe(0);

		await moveSession(world.db, id, '2026-12-02', '10:00');
		const after = eventOf((await readFeedOf(world.db, 'staff@demo.test')).events, id);
		expect(after.uid).toBe(before.uid);
		expect(Number(after.sequence)).toBe(1);
		expect(after.start.toISOString()).toBe('2026-12-02T06:30:00.000Z');

		await setStatus('confirmed');
		const confirmed = eventOf((await readFeedOf(world.db, 'staff@demo.test')).events, id);
		expect(Number(confirmed.sequence)).toBe(2);
	});

	it('marks proposals tentative, confirmed sessions confirmed, cancelled ones cancelled', async () => {
		const read = async () => eventOf((await readFeedOf(world.db, 'manager@demo.test')).events, id);
		expect((await read()).status).toBe('TENTATIVE');
		await setStatus('confirmed');
		expect((await read()).status).toBe('CONFIRMED');
		await setStatus('cancelled');
		const cancelled = await read();
		expect(cancelled.status).toBe('CANCELLED');
		expect(cancelled.summary).toContain('(لغوشده)');
		await setStatus('declined');
		expect((await read()).status).toBe('CANCELLED');
	});

	it('writes in Persian for a Persian user and in English for an English one', async () => {
		const fa = eventOf((await readFeedOf(world.db, 'staff@demo.test')).events, id);
		expect(fa.summary).toMatch(/^زنگ پیشگیری: /);
		expect(fa.description).toContain('محله: دولاب');
		expect(fa.description).toContain('دانش‌آموزان (پایهٔ ۷، ۸، ۹)');
		expect(urlOf(fa)).toBe(`${ORIGIN}/sessions/${id}`);

		await setLocale(world.db, 'staff@demo.test', 'en');
		const en = eventOf((await readFeedOf(world.db, 'staff@demo.test')).events, id);
		expect(en.summary).toMatch(/^Prevention bell: /);
		expect(en.description).toContain('Neighbourhood: ');
		expect(en.description).toContain('Students (Grades 7, 8, 9)');
		expect(urlOf(en)).toBe(`${ORIGIN}/en/sessions/${id}`);
	});

	it('holds only the sessions in the user’s scope', async () => {
		const admin = await readFeedOf(world.db, 'admin@demo.test');
		expect(admin.events.map((e) => e.uid)).toContain(uid(id));
		const staff2 = await readFeedOf(world.db, 'staff2@demo.test');
		expect(staff2.events).toEqual([]);
		const manager2 = await readFeedOf(world.db, 'manager2@demo.test');
		expect(manager2.events).toEqual([]);
	});

	it('spans two months back to a year ahead', async () => {
		// NOW is 2026-11-27: 2026-09-28 is 60 days back, 2027-11-27 a year ahead.
		const copy = async (date: string) => {
			const row = await world.db
				.selectFrom('bell_sessions')
				.selectAll()
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			const { id: _id, ...values } = row;
			await world.db
				.insertInto('bell_sessions')
				.values({ ...values, date, ...sessionInstants(date, '08:00', 60) })
				.execute();
		};
		await copy('2026-09-27');
		await copy('2026-09-28');
		await copy('2027-11-27');
		await copy('2027-11-28');
		const { events } = await readFeedOf(world.db, 'staff@demo.test');
		expect(events.map((e) => e.start.toISOString().slice(0, 10)).sort()).toEqual([
			'2026-09-28',
			'2026-12-01',
			'2027-11-27'
		]);
	});
});
