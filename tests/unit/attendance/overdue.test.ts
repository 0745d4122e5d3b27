import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBellSessionAttendance } from '../../../src/lib/server/attendance/service.ts';
import {
	bellSessionFilterOf,
	sessionListQueryFrom
} from '../../../src/lib/server/bell-sessions/list-filter.ts';
import {
	findSessionsNeedingAction,
	listBellSessions
} from '../../../src/lib/server/bell-sessions/repository.ts';
import { counts, createAttendanceWorld, momentsOf, type AttendanceWorld } from './fixtures.ts';

// Attendance overdue: a confirmed session past its end with nothing recorded. The sessions list's
// filter and the home pages' "needs your action" name the same sessions, and a session leaves
// both once its attendance is recorded.

describe('attendance overdue', () => {
	let world: AttendanceWorld;
	const ids = { overdue: 0, recorded: 0, proposed: 0, later: 0 };
	let now: Date;

	beforeAll(async () => {
		world = await createAttendanceWorld();
		ids.overdue = await world.session();
		ids.recorded = await world.session();
		ids.proposed = await world.session({}, false);
		ids.later = await world.session({ date: '2026-12-08' });
		now = (await momentsOf(world, ids.proposed)).after;
		await recordBellSessionAttendance(world.db, world.as.staff, counts(ids.recorded), now);
	});
	afterAll(async () => world.db.destroy());

	const listed = async (account: 'admin' | 'staff' | 'manager' | 'staff2', search: string) => {
		const query = sessionListQueryFrom(new URL(`http://x/sessions?${search}`));
		const { rows } = await listBellSessions(
			world.db,
			world.as[account],
			bellSessionFilterOf(query, now),
			1
		);
		return rows.map((r) => r.id);
	};

	it('lists only confirmed sessions past their end with no attendance', async () => {
		expect(await listed('admin', 'overdue=1')).toEqual([ids.overdue]);
		expect(await listed('admin', '')).toEqual(
			expect.arrayContaining([ids.overdue, ids.recorded, ids.proposed, ids.later])
		);
	});

	it('combines with the other filters and keeps to the user’s scope', async () => {
		expect(await listed('staff', 'overdue=1')).toEqual([ids.overdue]);
		expect(await listed('manager', 'overdue=1&status=confirmed')).toEqual([ids.overdue]);
		expect(await listed('admin', 'overdue=1&from=۱۴۰۵/۰۹/۱۵')).toEqual([]);
		expect(await listed('staff2', 'overdue=1')).toEqual([]);
	});

	it('names the same sessions as the home pages, until attendance is recorded', async () => {
		for (const account of ['staff', 'manager', 'admin', 'liaison'] as const) {
			const lists = await findSessionsNeedingAction(world.db, world.as[account], now);
			const overdue = lists.find((l) => l.kind === 'attendance_overdue');
			expect(overdue?.rows.map((r) => r.id)).toEqual([ids.overdue]);
		}
		await recordBellSessionAttendance(world.db, world.as.manager, counts(ids.overdue), now);
		expect(await listed('admin', 'overdue=1')).toEqual([]);
		const lists = await findSessionsNeedingAction(world.db, world.as.staff, now);
		expect(lists.find((l) => l.kind === 'attendance_overdue')?.total).toBe(0);
	});
});
