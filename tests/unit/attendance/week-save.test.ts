import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBellSessionAttendance } from '../../../src/lib/server/attendance/service.ts';
import { saveWeekAttendance } from '../../../src/lib/server/attendance/week-save.ts';
import {
	attendanceAuditOf,
	counts,
	createAttendanceWorld,
	momentsOf,
	type AttendanceWorld
} from './fixtures.ts';

// The week page's partial save: each card is recorded on its own. A card that is saved keeps its
// save and its audit entry whatever happens to the others; a refused one writes nothing. Only a
// save that wrote nothing at all is a refusal ('none').

describe("saving the week's form", () => {
	let world: AttendanceWorld;
	const ids = { fresh: 0, recorded: 0, notStarted: 0, other: 0 };
	let now: Date;

	beforeAll(async () => {
		world = await createAttendanceWorld();
		ids.fresh = await world.session();
		ids.recorded = await world.session();
		ids.other = await world.session();
		ids.notStarted = await world.session({ date: '2026-12-02' });
		now = (await momentsOf(world, ids.other)).after;
		await recordBellSessionAttendance(world.db, world.as.staff, counts(ids.recorded), now);
	});
	afterAll(async () => world.db.destroy());

	const row = (sessionId: number, version = 0, teachers = 4) => {
		const { sessionId: _, version: __, ...values } = counts(sessionId, { teachers });
		return { sessionId, version, counts: values };
	};

	it('saves the valid card and refuses the stale and the not-started ones, naming each', async () => {
		// ids.recorded is at version 1: a form built from version 0 is stale.
		const saved = await saveWeekAttendance(
			world.db,
			world.as.manager,
			{ rows: [row(ids.fresh), row(ids.recorded, 0), row(ids.notStarted)], events: [] },
			now
		);
		expect(saved.verdict).toBe('partly');
		expect(Object.fromEntries([...saved.cards].map(([key, card]) => [key, card.outcome]))).toEqual({
			[ids.fresh]: 'saved',
			[ids.recorded]: 'stale',
			[ids.notStarted]: 'refused'
		});
		expect((await attendanceAuditOf(world, 'bell_session', ids.fresh)).length).toBe(1);
		// The stale card wrote nothing: the record holds staff@'s three teachers at version 1.
		expect(await attendanceAuditOf(world, 'bell_session', ids.recorded)).toHaveLength(1);
		const kept = await world.db
			.selectFrom('bell_session_attendance')
			.select(['teachers', 'version'])
			.where('bell_session_id', '=', ids.recorded)
			.executeTakeFirstOrThrow();
		expect(kept).toEqual({ teachers: 3, version: 1 });
		expect(await attendanceAuditOf(world, 'bell_session', ids.notStarted)).toEqual([]);
	});

	it('is all saved when nothing is refused, unchanged cards included', async () => {
		const saved = await saveWeekAttendance(
			world.db,
			world.as.manager,
			{ rows: [row(ids.fresh, 1), row(ids.other)], events: [] },
			now
		);
		expect([...saved.cards.values()].map((card) => card.outcome)).toEqual(['unchanged', 'saved']);
		expect(saved.verdict).toBe('all');
	});

	it('is none when every card is refused or unchanged, and writes nothing', async () => {
		const before = await world.db.selectFrom('audit_log').select('id').execute();
		const saved = await saveWeekAttendance(
			world.db,
			world.as.manager,
			{ rows: [row(ids.fresh, 1), row(ids.recorded, 0), row(ids.notStarted)], events: [] },
			now
		);
		expect(saved.verdict).toBe('none');
		expect(await world.db.selectFrom('audit_log').select('id').execute()).toEqual(before);
	});

	it("reports a card outside the user's scope as not allowed", async () => {
		const saved = await saveWeekAttendance(
			world.db,
			world.as.manager2,
			{ rows: [row(ids.notStarted)], events: [] },
			now
		);
		expect(saved.cards.get(String(ids.notStarted))?.outcome).toBe('not_allowed');
		expect(saved.verdict).toBe('none');
	});
});
