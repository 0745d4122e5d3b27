import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSlotFutureAndOpen } from '../../../src/lib/server/scheduling/slot-checks.ts';
import { createSessionWorld, NOW, TUESDAY, type SessionWorld } from '../bell-sessions/fixtures.ts';

// The checks bell sessions and campaign events share; each side's own tests cover the rest.

describe('the shared slot checks', () => {
	let world: SessionWorld;
	beforeEach(async () => {
		world = await createSessionWorld();
	});
	afterEach(async () => world.db.destroy());

	const slot = () => ({
		districtId: world.admin.scope.districtIds[0]!,
		centerId: world.dowlab.centerId,
		date: TUESDAY,
		startTime: '10:00',
		durationMinutes: 60
	});

	it('counts a slot starting this very moment as past, and a minute later as ahead', async () => {
		// 10:00 in Tehran is 06:30 UTC.
		const atStart = new Date(`${TUESDAY}T06:30:00.000Z`);
		expect(await checkSlotFutureAndOpen(world.db, slot(), atStart)).toEqual({ problem: 'past' });
		const minuteBefore = new Date(`${TUESDAY}T06:29:00.000Z`);
		expect(await checkSlotFutureAndOpen(world.db, slot(), minuteBefore)).toBeNull();
		expect(await checkSlotFutureAndOpen(world.db, slot())).toBeNull();
	});

	it("counts a school's own closure only for a slot at that school", async () => {
		await world.db
			.insertInto('closures')
			.values({
				district_id: slot().districtId,
				kind: 'school',
				school_id: world.dowlab.schoolId,
				starts_on: TUESDAY,
				ends_on: TUESDAY,
				name_fa: 'تعمیرات',
				name_en: 'Repairs',
				created_at: NOW.toISOString()
			})
			.execute();
		expect(await checkSlotFutureAndOpen(world.db, slot(), NOW)).toBeNull();
		expect(
			await checkSlotFutureAndOpen(world.db, { ...slot(), schoolId: world.dowlab.schoolId }, NOW)
		).toEqual({ problem: 'closure', closure: { name_fa: 'تعمیرات', name_en: 'Repairs' } });
	});
});
