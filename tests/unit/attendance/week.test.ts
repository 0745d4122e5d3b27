import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import { recordBellSessionAttendance } from '../../../src/lib/server/attendance/service.ts';
import { findWeekSessions, weekContaining } from '../../../src/lib/server/attendance/week.ts';
import { readWeekForm } from '../../../src/lib/server/attendance/week-form.ts';
import { counts, createAttendanceWorld, momentsOf, type AttendanceWorld } from './fixtures.ts';

// The week page: weeks from Saturday to Friday, the week's confirmed and held sessions with what
// each user may record, and one form whose untouched sessions are left alone.

describe('the week', () => {
	it('runs from Saturday to Friday', () => {
		// 2026-12-01 is a Tuesday; 2026-11-28 a Saturday; 2026-12-04 a Friday.
		const week = {
			from: '2026-11-28',
			to: '2026-12-04',
			previous: '2026-11-21',
			next: '2026-12-05'
		};
		expect(weekContaining('2026-12-01')).toEqual(week);
		expect(weekContaining('2026-11-28')).toEqual(week);
		expect(weekContaining('2026-12-04')).toEqual(week);
		expect(weekContaining('2026-12-05').from).toBe('2026-12-05');
		// Across Nowruz: 1405/01/01 is 2026-03-21, a Saturday.
		expect(weekContaining('2026-03-20').from).toBe('2026-03-14');
	});
});

describe("the week's sessions", () => {
	let world: AttendanceWorld;
	const ids = { started: 0, recorded: 0, notYet: 0, proposed: 0 };
	let now: Date;

	beforeAll(async () => {
		world = await createAttendanceWorld();
		ids.started = await world.session();
		ids.recorded = await world.session();
		ids.notYet = await world.session({ date: '2026-12-02' });
		ids.proposed = await world.session({}, false);
		now = (await momentsOf(world, ids.proposed)).after;
		await recordBellSessionAttendance(world.db, world.as.staff, counts(ids.recorded), now);
	});
	afterAll(async () => world.db.destroy());

	const week = weekContaining('2026-12-01');

	it('lists confirmed and held sessions, recordable once started', async () => {
		const rows = await findWeekSessions(world.db, world.as.manager, week, now);
		expect(rows.map((r) => [r.session.id, r.canRecord, r.attendance?.teachers])).toEqual([
			[ids.started, true, undefined],
			[ids.recorded, true, 3],
			[ids.notYet, false, undefined]
		]);
		expect(rows[0]?.enrolment).toContainEqual({ grade: 10, students: 40 });
	});

	it('shows nothing of other centres, and liaisons read without recording', async () => {
		expect(await findWeekSessions(world.db, world.as.manager2, week, now)).toEqual([]);
		const liaison = await findWeekSessions(world.db, world.as.liaison, week, now);
		expect(liaison.map((r) => r.canRecord)).toEqual([false, false, false]);
	});

	it('reads filled-in sessions, leaves untouched ones, and names each mistake', () => {
		overwriteGetLocale(() => 'en');
		const body = new FormData();
		const typed: Record<string, string> = {
			[`${ids.started}.girls_10`]: '۲۲',
			[`${ids.started}.teachers`]: '2',
			[`${ids.started}.version`]: '0',
			[`${ids.recorded}.girls_10`]: '-4',
			[`${ids.recorded}.parents`]: 'ten',
			[`${ids.notYet}.girls_10`]: '',
			// Not one of the week's recordable sessions: ignored.
			['99999.teachers']: '8'
		};
		for (const [name, value] of Object.entries(typed)) body.set(name, value);
		const sessions = [ids.started, ids.recorded, ids.notYet].map((id) => ({
			id,
			grades: [10, 11]
		}));
		const form = readWeekForm(body, sessions);
		expect(form.rows).toEqual([
			{
				sessionId: ids.started,
				version: 0,
				counts: {
					teachers: 2,
					parents: 0,
					students: [
						{ grade: 10, gender: 'girls', students: 22 },
						{ grade: 10, gender: 'boys', students: 0 },
						{ grade: 11, gender: 'girls', students: 0 },
						{ grade: 11, gender: 'boys', students: 0 }
					]
				}
			}
		]);
		expect(form.errors).toEqual({
			[`${ids.recorded}.girls_10`]: ['Write a whole number from 0 to 5,000.'],
			[`${ids.recorded}.parents`]: ['Write a whole number from 0 to 5,000.']
		});
		expect(form.values[`${ids.started}.girls_10`]).toBe('۲۲');
		expect(Object.keys(form.values).some((k) => k.startsWith('99999'))).toBe(false);
		overwriteGetLocale(() => 'fa');
	});
});
