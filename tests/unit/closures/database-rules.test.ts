import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClosureWorld, type ClosureWorld } from './fixtures.ts';
import { refusedBy } from '../../helpers/test-db.ts';

// The database itself refuses closures that break the kind/target and date rules.
describe('the closures table', () => {
	let world: ClosureWorld;
	beforeEach(async () => {
		world = await createClosureWorld();
	});
	afterEach(async () => world.db.destroy());

	const row = (values: Record<string, unknown>) => ({
		district_id: world.districtId,
		kind: 'holiday' as const,
		school_id: null,
		center_id: null,
		starts_on: '2027-01-01',
		ends_on: '2027-01-01',
		name_fa: 'تعطیل',
		name_en: 'Holiday',
		created_at: '2026-11-26T00:00:00.000Z',
		...values
	});
	const insert = (values: Record<string, unknown>) =>
		world.db
			.insertInto('closures')
			.values(row(values) as never)
			.execute();

	it('accepts a well-formed closure of each kind', async () => {
		await insert({});
		await insert({ kind: 'exam' });
		await insert({ kind: 'school', school_id: world.schoolIds[0] });
		await insert({ kind: 'center', center_id: world.centerId });
	});

	it('refuses a wrong kind, a target that does not fit the kind, and bad dates', async () => {
		const bad = [
			{ kind: 'strike' },
			{ kind: 'school' },
			{ kind: 'center' },
			{ kind: 'holiday', school_id: world.schoolIds[0] },
			{ kind: 'exam', center_id: world.centerId },
			{ kind: 'school', school_id: world.schoolIds[0], center_id: world.centerId },
			{ ends_on: '2026-12-31' },
			{ starts_on: '1405/10/11' },
			{ name_en: '' }
		];
		for (const values of bad)
			await expect(insert(values), JSON.stringify(values)).rejects.toThrow(refusedBy.check);
		expect(await world.db.selectFrom('closures').selectAll().execute()).toHaveLength(0);
	});

	it('refuses settings out of range', async () => {
		const insertSettings = (values: Record<string, unknown>) =>
			world.db
				.insertInto('settings')
				.values({ district_id: world.districtId, ...values })
				.execute();
		await expect(insertSettings({ response_deadline_days: 0 })).rejects.toThrow(refusedBy.check);
		await expect(insertSettings({ school_day_starts: '14:00' })).rejects.toThrow(refusedBy.check);
		await expect(insertSettings({ school_day_ends: '1:30' })).rejects.toThrow(refusedBy.check);
		await insertSettings({});
	});
});
