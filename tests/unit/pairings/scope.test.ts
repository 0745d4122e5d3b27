import { beforeAll, describe, expect, it } from 'vitest';
import { pairingsInScope, unpairedNeighborhoods } from '../../helpers/pairings.ts';
import { DEMO_UNPAIRED } from '../../../src/lib/server/demo/programme.ts';
import { findNeighborhoodInScope } from '../../../src/lib/server/pairings/records.ts';
import {
	findAreasInScope,
	findNeighborhoodHistory,
	type PairingFilter
} from '../../../src/lib/server/pairings/repository.ts';
import { createPairingWorld, neighborhoodId, scopedUser, type PairingWorld } from './fixtures.ts';

describe('reading pairings within one’s scope', () => {
	let world: PairingWorld;
	const namesFor = async (email: string, filter: PairingFilter = {}) =>
		(
			await pairingsInScope(
				world.db,
				await scopedUser(world.db, email),
				world.currentYearId,
				filter
			)
		).map((r) => r.neighborhood.name_fa);

	beforeAll(async () => {
		world = await createPairingWorld();
	});

	it('shows admins and liaisons every neighbourhood of their district, paired or not', async () => {
		for (const email of ['admin@demo.test', 'liaison@demo.test']) {
			const rows = await pairingsInScope(
				world.db,
				await scopedUser(world.db, email),
				world.currentYearId
			);
			expect(rows).toHaveLength(25);
			expect(
				rows
					.filter((r) => r.school === null)
					.map((r) => r.neighborhood.name_fa)
					.sort()
			).toEqual([...DEMO_UNPAIRED].sort());
			expect(rows.every((r) => (r.school === null) === (r.pairing === null))).toBe(true);
			// By area, in area order.
			const areaNumbers = rows.map((r) => r.area.number);
			expect(areaNumbers).toEqual([...areaNumbers].sort((a, b) => a - b));
		}
	});

	it('shows manager@ only دولاب and خاوران, and staff@ only دولاب, with their schools', async () => {
		expect(await namesFor('manager@demo.test')).toEqual(['خاوران', 'دولاب']);
		expect(await namesFor('staff@demo.test')).toEqual(['دولاب']);
		const [dulab] = await pairingsInScope(
			world.db,
			await scopedUser(world.db, 'staff@demo.test'),
			world.currentYearId
		);
		const staff = await world.db
			.selectFrom('users')
			.select('school_id')
			.where('email', '=', 'staff@demo.test')
			.executeTakeFirstOrThrow();
		expect(dulab!.school).toMatchObject({ id: staff.school_id, level: expect.any(String) });
		expect(dulab!.area).toMatchObject({ name_fa: 'ناحیه ۳', name_en: 'Area 3' });
	});

	it("shows an admin of another district only their district's neighbourhood", async () => {
		expect(await namesFor('admin15@other.test')).toEqual(['مسعودیه']);
		const other = await scopedUser(world.db, 'admin15@other.test');
		const dulab = await neighborhoodId(world.db, 'دولاب');
		expect(await findNeighborhoodInScope(world.db, other, dulab)).toBeNull();
	});

	it('hides neighbourhoods outside a manager’s or staff member’s scope', async () => {
		const manager = await scopedUser(world.db, 'manager@demo.test');
		const staff = await scopedUser(world.db, 'staff@demo.test');
		expect(
			await findNeighborhoodInScope(world.db, manager, await neighborhoodId(world.db, 'شاهین'))
		).toBeNull();
		expect(
			await findNeighborhoodInScope(world.db, staff, await neighborhoodId(world.db, 'خاوران'))
		).toBeNull();
		expect(
			await findNeighborhoodInScope(world.db, staff, await neighborhoodId(world.db, 'دولاب'))
		).toMatchObject({ name_fa: 'دولاب', area: { name_fa: 'ناحیه ۳' } });
		expect((await findAreasInScope(world.db, manager)).map((a) => a.name_fa)).toEqual(['ناحیه ۳']);
	});

	it('lists the unpaired neighbourhoods of the home page, with their area', async () => {
		const admin = await scopedUser(world.db, 'admin@demo.test');
		const unpaired = await unpairedNeighborhoods(world.db, admin, world.currentYearId);
		expect(unpaired.map((n) => n.name_fa).sort()).toEqual([...DEMO_UNPAIRED].sort());
		expect(unpaired.find((n) => n.name_fa === 'شهرابی')).toEqual({
			id: await neighborhoodId(world.db, 'شهرابی'),
			name_fa: 'شهرابی',
			name_en: 'Shahrabi',
			area: { id: expect.any(Number), number: 6, name_fa: 'ناحیه ۶', name_en: 'Area 6' }
		});
		const manager = await scopedUser(world.db, 'manager@demo.test');
		expect(await unpairedNeighborhoods(world.db, manager, world.currentYearId)).toEqual([]);
		expect(await unpairedNeighborhoods(world.db, admin, world.previousYearId)).toEqual([]);
	});

	it('filters to the unpaired, to one area, and by name typed any way', async () => {
		expect((await namesFor('admin@demo.test', { unpairedOnly: true })).sort()).toEqual(
			[...DEMO_UNPAIRED].sort()
		);
		const areas = await findAreasInScope(world.db, await scopedUser(world.db, 'admin@demo.test'));
		expect(areas).toHaveLength(6);
		expect((await namesFor('admin@demo.test', { areaId: areas[2]!.id })).sort()).toEqual(
			['خاوران', 'دژکام', 'دولاب', 'شاهین'].sort()
		);
		expect(await namesFor('admin@demo.test', { query: 'دولاب' })).toEqual([
			'دولاب',
			'سرآسیاب دولاب'
		]);
		// Arabic yeh and kaf, Latin letters, a school's name written without its half-space.
		expect(await namesFor('admin@demo.test', { query: 'شكيب' })).toEqual(['شکیب']);
		expect(await namesFor('admin@demo.test', { query: 'DULAB' })).toEqual([
			'دولاب',
			'سرآسیاب دولاب'
		]);
		expect(await namesFor('admin@demo.test', { query: 'ابن سینا' })).toEqual(['تاکسیرانی']);
		expect(await namesFor('manager@demo.test', { query: 'شکیب' })).toEqual([]);
	});

	it("keeps every year's pairing of a neighbourhood as its history, newest first", async () => {
		const history = await findNeighborhoodHistory(
			world.db,
			await neighborhoodId(world.db, 'شهرابی')
		);
		expect(history.map((h) => h.school_year.label)).toEqual(['۱۴۰۵–۱۴۰۶', '۱۴۰۴–۱۴۰۵']);
		expect(history[0]!.school).toBeNull();
		expect(history[1]!.school).toMatchObject({ name: expect.any(String) });
	});
});
