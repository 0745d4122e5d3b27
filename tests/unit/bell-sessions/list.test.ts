import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	BELL_SESSION_PAGE_SIZE,
	listBellSessions
} from '../../../src/lib/server/bell-sessions/repository.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import { pagesOf } from '../../../src/lib/server/list-params.ts';
import { COUNT_CAP } from '../../../src/lib/counts.ts';
import { createSessionWorld, NOW, proposal, type SessionWorld } from './fixtures.ts';

// The session list counts its rows up to COUNT_CAP, or up to the page shown when that lies beyond:
// a country's sessions are not all counted to show 25 of them, and every page asked for is real.

const SESSIONS = COUNT_CAP + 2 * BELL_SESSION_PAGE_SIZE;

describe('the session list of a wide scope', () => {
	let world: SessionWorld;

	beforeAll(async () => {
		world = await createSessionWorld();
		const result = await proposeBellSession(world.db, world.manager, proposal(world), NOW);
		if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
		// The same proposal, SESSIONS times in all, a minute apart.
		const { id: _, ...first } = await world.db
			.selectFrom('bell_sessions')
			.selectAll()
			.where('id', '=', result.id)
			.executeTakeFirstOrThrow();
		const later = (instant: string, minutes: number) =>
			new Date(Date.parse(instant) + minutes * 60_000).toISOString();
		const copies = Array.from({ length: SESSIONS - 1 }, (_, i) => ({
			...first,
			starts_at: later(first.starts_at, i + 1),
			ends_at: later(first.ends_at, i + 1)
		}));
		for (let i = 0; i < copies.length; i += 200)
			await world.db
				.insertInto('bell_sessions')
				.values(copies.slice(i, i + 200))
				.execute();
	});
	afterAll(async () => world.db.destroy());

	it('says "more than" the cap past it, and goes on to the next page', async () => {
		const { rows, total, countCap } = await listBellSessions(world.db, world.admin, {}, 1);
		expect(rows).toHaveLength(BELL_SESSION_PAGE_SIZE);
		expect(countCap).toBe(COUNT_CAP);
		expect(total).toBe(COUNT_CAP + 1);
		expect(pagesOf(total, countCap, BELL_SESSION_PAGE_SIZE)).toEqual({
			pageCount: COUNT_CAP / BELL_SESSION_PAGE_SIZE,
			morePages: true
		});
	});

	it('counts up to the page shown when it lies beyond the cap, and then exactly', async () => {
		const beyond = COUNT_CAP / BELL_SESSION_PAGE_SIZE + 1;
		const first = await listBellSessions(world.db, world.admin, {}, beyond);
		expect(first.countCap).toBe(beyond * BELL_SESSION_PAGE_SIZE);
		expect(first.total).toBe(beyond * BELL_SESSION_PAGE_SIZE + 1);
		const last = await listBellSessions(world.db, world.admin, {}, beyond + 1);
		expect(last.rows).toHaveLength(BELL_SESSION_PAGE_SIZE);
		expect(last.total).toBe(SESSIONS);
		expect(pagesOf(last.total, last.countCap, BELL_SESSION_PAGE_SIZE)).toEqual({
			pageCount: beyond + 1,
			morePages: false
		});
	});

	it('counts a narrow filter exactly', async () => {
		const { total } = await listBellSessions(world.db, world.admin, { statuses: ['held'] }, 1);
		expect(total).toBe(0);
	});

	it('keeps to the district chosen', async () => {
		const own = world.admin.scope.districtIds[0]!;
		const inOwn = await listBellSessions(world.db, world.admin, { districtId: own }, 1);
		expect(inOwn.total).toBe(COUNT_CAP + 1);
		const elsewhere = await listBellSessions(world.db, world.admin, { districtId: own + 1 }, 1);
		expect(elsewhere).toMatchObject({ rows: [], total: 0 });
	});
});
