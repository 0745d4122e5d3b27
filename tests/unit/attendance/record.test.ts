import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAttendance } from '../../../src/lib/server/attendance/repository.ts';
import { recordBellSessionAttendance } from '../../../src/lib/server/attendance/service.ts';
import { findBellSessionHistory } from '../../../src/lib/server/bell-sessions/history.ts';
import { transitionBellSession } from '../../../src/lib/server/bell-sessions/transitions.ts';
import {
	attendanceAuditOf,
	counts,
	createAttendanceWorld,
	momentsOf,
	type Account,
	type AttendanceWorld
} from './fixtures.ts';

// Recording attendance: the first recording of a confirmed session that has started marks it
// held, in one step with its audit entry; later edits keep before and after; a stale form, a
// session not started, not confirmed, declined or cancelled, and people who do not record it are
// refused with nothing written.

describe('recording attendance', () => {
	let world: AttendanceWorld;
	beforeAll(async () => {
		world = await createAttendanceWorld();
	});
	afterAll(async () => world.db.destroy());

	const sessionRow = (id: number) =>
		world.db.selectFrom('bell_sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	const auditOf = (id: number) => attendanceAuditOf(world, 'bell_session', id);

	it('marks a confirmed session held, in the same step as its audit entry', async () => {
		const id = await world.session();
		const { after } = await momentsOf(world, id);
		const before = await sessionRow(id);
		expect(before.status).toBe('confirmed');

		const result = await recordBellSessionAttendance(world.db, world.as.staff, counts(id), after);
		expect(result).toEqual({ ok: true, changed: true, status: 'held', warnings: [] });

		const held = await sessionRow(id);
		expect(held.status).toBe('held');
		expect(held.version).toBe(before.version + 1);
		expect(held.updated_at).toBe(after.toISOString());

		const attendance = await findAttendance(world.db, id);
		expect(attendance).toMatchObject({ teachers: 3, parents: 0, version: 1 });
		expect(attendance?.recorded_by_name).toBe('مشاور مدرسه (دولاب)');
		expect(attendance?.students).toEqual([
			{ grade: 10, gender: 'girls', students: 20 },
			{ grade: 10, gender: 'boys', students: 0 },
			{ grade: 11, gender: 'girls', students: 25 },
			{ grade: 11, gender: 'boys', students: 0 }
		]);

		const [entry, ...more] = await auditOf(id);
		expect(more).toEqual([]);
		expect(entry).toMatchObject({
			action: 'attendance_recorded',
			actor_id: world.as.staff.id,
			at: after.toISOString()
		});
		expect(JSON.parse(entry!.before!)).toEqual({ status: 'confirmed' });
		expect(JSON.parse(entry!.after!)).toEqual({
			status: 'held',
			teachers: 3,
			parents: 0,
			girls_10: 20,
			boys_10: 0,
			girls_11: 25,
			boys_11: 0
		});
		// The session's history (its page) shows the recording.
		const history = await findBellSessionHistory(world.db, id);
		expect(history.map((h) => h.action)).toContain('attendance_recorded');
	});

	it('keeps before and after of an edit, with a new version, and the session held', async () => {
		const id = await world.session();
		const { after } = await momentsOf(world, id);
		await recordBellSessionAttendance(world.db, world.as.staff, counts(id), after);
		const later = new Date(after.getTime() + 60 * 60 * 1000);
		const result = await recordBellSessionAttendance(
			world.db,
			world.as.manager,
			counts(id, { version: 1, teachers: 5, parents: 12 }),
			later
		);
		expect(result).toMatchObject({ ok: true, changed: true, status: 'held' });
		expect(await findAttendance(world.db, id)).toMatchObject({
			teachers: 5,
			parents: 12,
			version: 2,
			updated_at: later.toISOString(),
			updated_by_name: 'مدیر سرای دولاب و خاوران'
		});
		const entries = await auditOf(id);
		expect(entries.map((e) => e.action)).toEqual(['attendance_recorded', 'attendance_updated']);
		expect(JSON.parse(entries[1]!.before!)).toMatchObject({ teachers: 3, parents: 0 });
		expect(JSON.parse(entries[1]!.after!)).toMatchObject({ teachers: 5, parents: 12 });
		expect((await sessionRow(id)).status).toBe('held');
	});

	it('writes nothing when the counts are the same as recorded', async () => {
		const id = await world.session();
		const { after } = await momentsOf(world, id);
		await recordBellSessionAttendance(world.db, world.as.staff, counts(id), after);
		const again = await recordBellSessionAttendance(
			world.db,
			world.as.staff,
			counts(id, { version: 1 }),
			after
		);
		expect(again).toMatchObject({ ok: true, changed: false });
		expect((await findAttendance(world.db, id))?.version).toBe(1);
		expect(await auditOf(id)).toHaveLength(1);
	});

	it('refuses a stale form ("changed by someone else") and writes nothing', async () => {
		const id = await world.session();
		const { after } = await momentsOf(world, id);
		// Two people opened the empty form; the first saves.
		await recordBellSessionAttendance(world.db, world.as.staff, counts(id), after);
		const second = await recordBellSessionAttendance(
			world.db,
			world.as.manager,
			counts(id, { teachers: 9 }),
			after
		);
		expect(second).toEqual({ ok: false, error: 'stale' });
		// An edit built from version 1 after someone saved version 2.
		await recordBellSessionAttendance(
			world.db,
			world.as.staff,
			counts(id, { version: 1, parents: 4 }),
			after
		);
		const stale = await recordBellSessionAttendance(
			world.db,
			world.as.manager,
			counts(id, { version: 1, parents: 7 }),
			after
		);
		expect(stale).toEqual({ ok: false, error: 'stale' });
		expect(await findAttendance(world.db, id)).toMatchObject({ teachers: 3, parents: 4 });
		expect(await auditOf(id)).toHaveLength(2);
	});

	it('refuses before the session has started, and from its start it is allowed', async () => {
		const id = await world.session();
		const { before, during } = await momentsOf(world, id);
		expect(await recordBellSessionAttendance(world.db, world.as.staff, counts(id), before)).toEqual(
			{ ok: false, error: 'refused', problem: 'not_started' }
		);
		expect(await findAttendance(world.db, id)).toBeUndefined();
		expect((await sessionRow(id)).status).toBe('confirmed');
		expect(
			await recordBellSessionAttendance(world.db, world.as.staff, counts(id), during)
		).toMatchObject({ ok: true, status: 'held' });
	});

	it('refuses proposed, declined and cancelled sessions with their own reason', async () => {
		const proposed = await world.session({}, false);
		const declined = await world.session({}, false);
		await transitionBellSession(world.db, world.as.staff, {
			sessionId: declined,
			version: 1,
			action: 'decline',
			reason: 'امتحانات'
		});
		const cancelled = await world.session();
		await transitionBellSession(world.db, world.as.manager, {
			sessionId: cancelled,
			version: 2,
			action: 'cancel',
			reason: 'بیماری تسهیلگر'
		});
		for (const [id, problem] of [
			[proposed, 'not_confirmed'],
			[declined, 'declined'],
			[cancelled, 'cancelled']
		] as const) {
			const { after } = await momentsOf(world, id);
			expect(
				await recordBellSessionAttendance(world.db, world.as.admin, counts(id), after)
			).toEqual({ ok: false, error: 'refused', problem });
			expect(await findAttendance(world.db, id)).toBeUndefined();
			expect(await auditOf(id)).toEqual([]);
		}
	});

	it("lets the school's staff, the centre's manager and admins record; nobody else", async () => {
		const expected: Record<Account, string> = {
			staff: 'ok',
			manager: 'ok',
			admin: 'ok',
			liaison: 'forbidden',
			staff2: 'not_found',
			manager2: 'not_found'
		};
		for (const [account, outcome] of Object.entries(expected) as [Account, string][]) {
			const id = await world.session();
			const { after } = await momentsOf(world, id);
			const result = await recordBellSessionAttendance(
				world.db,
				world.as[account],
				counts(id),
				after
			);
			expect([account, result.ok ? 'ok' : result.error]).toEqual([account, outcome]);
			if (!result.ok) expect(await findAttendance(world.db, id)).toBeUndefined();
		}
	});

	it('refuses counts that are not whole numbers from 0 to 5000, and nobody at all', async () => {
		const id = await world.session();
		const { after } = await momentsOf(world, id);
		for (const bad of [-1, 2.5, 5001, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
			for (const values of [
				{ teachers: bad },
				{ parents: bad },
				{ students: [{ grade: 10, gender: 'girls' as const, students: bad }] }
			]) {
				const result = await recordBellSessionAttendance(
					world.db,
					world.as.staff,
					counts(id, values),
					after
				);
				expect(result).toEqual({ ok: false, error: 'refused', problem: 'count_invalid' });
			}
		}
		const nobody = await recordBellSessionAttendance(
			world.db,
			world.as.staff,
			counts(id, { teachers: 0, students: [] }),
			after
		);
		expect(nobody).toEqual({ ok: false, error: 'refused', problem: 'nobody' });
		const otherGrade = await recordBellSessionAttendance(
			world.db,
			world.as.staff,
			counts(id, { students: [{ grade: 7, gender: 'boys', students: 4 }] }),
			after
		);
		expect(otherGrade).toEqual({ ok: false, error: 'refused', problem: 'grade_not_in_session' });
		expect(await findAttendance(world.db, id)).toBeUndefined();
		expect((await sessionRow(id)).status).toBe('confirmed');
	});

	it('warns, without refusing, when a grade has more students than the school enrols', async () => {
		const id = await world.session();
		const { after } = await momentsOf(world, id);
		// Grade 10 enrols 40: 30 girls and 15 boys make 45.
		const result = await recordBellSessionAttendance(
			world.db,
			world.as.staff,
			counts(id, {
				students: [
					{ grade: 10, gender: 'girls', students: 30 },
					{ grade: 10, gender: 'boys', students: 15 },
					{ grade: 11, gender: 'girls', students: 52 }
				]
			}),
			after
		);
		expect(result).toEqual({
			ok: true,
			changed: true,
			status: 'held',
			warnings: [{ grade: 10, students: 45, enrolled: 40 }]
		});
		expect((await findAttendance(world.db, id))?.students).toContainEqual({
			grade: 10,
			gender: 'boys',
			students: 15
		});
	});

	it('records a session for parents: no grades, only adults', async () => {
		const id = await world.session({
			audience: 'parents',
			grades: [],
			topic_id: world.topicId('parenting')
		});
		const { after } = await momentsOf(world, id);
		const result = await recordBellSessionAttendance(
			world.db,
			world.as.manager,
			counts(id, { teachers: 1, parents: 35, students: [] }),
			after
		);
		expect(result).toMatchObject({ ok: true, status: 'held' });
		expect(await findAttendance(world.db, id)).toMatchObject({ parents: 35, students: [] });
	});
});
