import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSettings } from '../../../src/lib/server/settings/repository.ts';
import { updateSettings } from '../../../src/lib/server/settings/service.ts';
import { createClosureWorld, NOW, type ClosureWorld } from './fixtures.ts';

describe('district settings', () => {
	let world: ClosureWorld;
	beforeEach(async () => {
		world = await createClosureWorld();
	});
	afterEach(async () => world.db.destroy());

	const hours = { school_day_starts: '08:00', school_day_ends: '14:00', response_deadline_days: 5 };

	it('are the defaults until first saved', async () => {
		expect(await findSettings(world.db, world.districtId)).toEqual({
			district_id: world.districtId,
			school_day_starts: '07:30',
			school_day_ends: '13:30',
			response_deadline_days: 3,
			version: 0
		});
	});

	it('are saved, audited, and a stale version is refused with nothing written', async () => {
		const { db, admin, districtId } = world;
		expect(await updateSettings(db, admin, districtId, 0, hours, NOW)).toEqual({ ok: true });
		expect(await findSettings(db, districtId)).toMatchObject({ ...hours, version: 1 });
		// Someone else, who also saw the defaults, saves afterwards.
		const late = { ...hours, response_deadline_days: 9 };
		expect(await updateSettings(db, admin, districtId, 0, late, NOW)).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(
			await updateSettings(db, admin, districtId, 1, { ...hours, school_day_ends: '15:00' }, NOW)
		).toEqual({ ok: true });
		expect(await updateSettings(db, admin, districtId, 1, late, NOW)).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await findSettings(db, districtId)).toMatchObject({
			school_day_ends: '15:00',
			response_deadline_days: 5,
			version: 2
		});
		const audit = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity_type', '=', 'settings')
			.execute();
		expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
			['record_updated', districtId],
			['record_updated', districtId]
		]);
		expect(JSON.parse(audit[0]!.before!)).toMatchObject({ response_deadline_days: 3 });
	});

	it('refuse bad hours and deadlines', async () => {
		const { db, admin, districtId } = world;
		const attempt = (values: Partial<typeof hours>) =>
			updateSettings(db, admin, districtId, 0, { ...hours, ...values }, NOW);
		expect(await attempt({ school_day_starts: '8:00' })).toEqual({
			ok: false,
			error: 'time_format'
		});
		expect(await attempt({ school_day_ends: '24:00' })).toEqual({
			ok: false,
			error: 'time_format'
		});
		expect(await attempt({ school_day_ends: '08:00' })).toEqual({ ok: false, error: 'day_order' });
		expect(await attempt({ response_deadline_days: 0 })).toEqual({
			ok: false,
			error: 'deadline_range'
		});
		expect(await attempt({ response_deadline_days: 31 })).toEqual({
			ok: false,
			error: 'deadline_range'
		});
		expect((await findSettings(db, districtId)).version).toBe(0);
	});

	it("answer not found for another district's admin", async () => {
		const { db, otherAdmin, districtId } = world;
		expect(await updateSettings(db, otherAdmin, districtId, 0, hours, NOW)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect((await findSettings(db, districtId)).version).toBe(0);
	});
});
