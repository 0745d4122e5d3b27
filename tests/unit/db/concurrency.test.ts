import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBellSessionAttendance } from '../../../src/lib/server/attendance/service.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import { transitionBellSession } from '../../../src/lib/server/bell-sessions/transitions.ts';
import { saveStaffFeedback } from '../../../src/lib/server/feedback/staff.ts';
import { NOW, proposal } from '../bell-sessions/fixtures.ts';
import {
	attendanceAuditOf,
	counts,
	createAttendanceWorld,
	momentsOf,
	type AttendanceWorld
} from '../attendance/fixtures.ts';
import { keptAndRecomputed } from '../../helpers/tallies.ts';

// Writes that meet: the same record saved by several people at the same moment, each from the
// version they read. On PostgreSQL they run at the same time on connections of their own (every
// transaction serializable, a refused one run again); SQLite runs one writer at a time. Either
// way exactly one of them is saved, the others are told the record changed, nothing is counted
// twice, and none of them fails with an error.

const AT_ONCE = 6;

describe('writes at the same time', () => {
	let world: AttendanceWorld;
	beforeAll(async () => {
		world = await createAttendanceWorld({ poolSize: AT_ONCE + 2 });
	});
	afterAll(async () => world.db.destroy());

	const sessionRow = (id: number) =>
		world.db
			.selectFrom('bell_sessions')
			.select(['status', 'version'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();

	it('answer the same step of the handshake once: the others read "changed by someone else"', async () => {
		const id = await world.session({}, false);
		const steps = Array.from({ length: AT_ONCE }, (_, i) =>
			i % 2
				? transitionBellSession(
						world.db,
						world.as.manager,
						{ sessionId: id, version: 1, action: 'cancel', reason: `لغو ${i}` },
						NOW
					)
				: transitionBellSession(
						world.db,
						world.as.staff,
						{ sessionId: id, version: 1, action: 'confirm' },
						NOW
					)
		);
		const results = await Promise.all(steps);
		const done = results.filter((r) => r.ok);
		expect(done).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual(
			Array.from({ length: AT_ONCE - 1 }, () => ({ ok: false, error: 'stale' }))
		);
		expect(await sessionRow(id)).toEqual({ status: done[0]!.status, version: 2 });
		const history = await world.db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_type', '=', 'bell_session')
			.where('entity_id', '=', id)
			.orderBy('id')
			.execute();
		expect(history).toHaveLength(2);
	});

	it('book a facilitator once when proposals for the same hour arrive together', async () => {
		const slot = { date: '2026-12-06', start_time: '12:00', duration_minutes: 45 };
		const results = await Promise.all(
			Array.from({ length: AT_ONCE }, () =>
				proposeBellSession(world.db, world.as.manager, proposal(world, slot), NOW)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		for (const refused of results.filter((r) => !r.ok))
			expect(refused).toMatchObject({ ok: false, error: 'refused' });
		const booked = await world.db
			.selectFrom('bell_sessions')
			.select('id')
			.where('date', '=', slot.date)
			.where('start_time', '=', slot.start_time)
			.execute();
		expect(booked).toHaveLength(1);
	});

	it('keep the tallies equal to their parts while many sessions of one school are held and rated at once', async () => {
		const ids: number[] = [];
		for (let i = 0; i < AT_ONCE; i++) ids.push(await world.session());
		const now = (await momentsOf(world, ids.at(-1)!)).after;
		// The school held none yet: each of these, held alone, would be the first that reached it.
		const held = await Promise.all(
			ids.map((id, i) =>
				recordBellSessionAttendance(world.db, world.as.staff, counts(id, { parents: i }), now)
			)
		);
		expect(held.every((r) => r.ok)).toBe(true);
		const rated = await Promise.all(
			ids.map((id) =>
				saveStaffFeedback(
					world.db,
					world.as.staff,
					{
						subject: { kind: 'bell_session', id },
						version: 0,
						relevance: 4,
						facilitator: 5,
						engagement: 3,
						comment: ''
					},
					now
				)
			)
		);
		expect(rated.filter((r) => !r.ok)).toEqual([]);
		const { kept, recomputed } = await keptAndRecomputed(world.db);
		expect(kept).toEqual(recomputed);
	});

	it('record a session’s first attendance once, and the tallies count it once', async () => {
		const id = await world.session();
		const now = (await momentsOf(world, id)).after;
		const results = await Promise.all(
			Array.from({ length: AT_ONCE }, (_, i) =>
				recordBellSessionAttendance(
					world.db,
					i % 2 ? world.as.manager : world.as.staff,
					counts(id, { teachers: i + 1 }),
					now
				)
			)
		);
		const saved = results.filter((r) => r.ok);
		expect(saved).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual(
			Array.from({ length: AT_ONCE - 1 }, () => ({ ok: false, error: 'stale' }))
		);
		expect(await attendanceAuditOf(world, 'bell_session', id)).toHaveLength(1);
		expect(await sessionRow(id)).toMatchObject({ status: 'held' });
		const { kept, recomputed } = await keptAndRecomputed(world.db);
		expect(kept).toEqual(recomputed);
	});
});
