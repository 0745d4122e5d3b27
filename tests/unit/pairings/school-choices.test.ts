import { beforeAll, describe, expect, it } from 'vitest';
import {
	findSchoolChoices,
	groupSchoolChoices
} from '../../../src/lib/server/pairings/school-choices.ts';
import { demoDistrictId } from '../users/fixtures.ts';
import { createPairingWorld, neighborhoodId, schoolIdsIn, type PairingWorld } from './fixtures.ts';

describe('the schools offered for a neighbourhood', () => {
	let world: PairingWorld;
	beforeAll(async () => {
		world = await createPairingWorld();
	});

	it("lists the district's schools, those of its own area first, and which are taken this year", async () => {
		const choices = await findSchoolChoices(
			world.db,
			await demoDistrictId(world.db),
			world.currentYearId
		);
		expect(choices).toHaveLength(40);
		const shahrabi = await neighborhoodId(world.db, 'شهرابی');
		const areaId = (
			await world.db
				.selectFrom('neighborhoods')
				.select('area_id')
				.where('id', '=', shahrabi)
				.executeTakeFirstOrThrow()
		).area_id;
		const groups = groupSchoolChoices(choices, { id: shahrabi, areaId });

		const areaSixSchools = [
			...(await schoolIdsIn(world.db, 'مینایی شمالی')),
			...(await schoolIdsIn(world.db, 'مینایی جنوبی')),
			...(await schoolIdsIn(world.db, 'سرآسیاب دولاب')),
			...(await schoolIdsIn(world.db, 'شهرابی'))
		];
		// مینایی شمالی's school is paired this year; the other three neighbourhoods' are free.
		expect(groups.sameArea.map((s) => s.id).sort()).toEqual(areaSixSchools.slice(1).sort());
		expect(groups.taken).toHaveLength(22);
		const [dulabSchool] = await schoolIdsIn(world.db, 'دولاب');
		expect(groups.taken.find((s) => s.id === dulabSchool)!.paired_with).toMatchObject({
			name_fa: 'دولاب',
			name_en: 'Dulab'
		});
		expect(groups.otherAreas.every((s) => s.area.id !== areaId && s.paired_with === null)).toBe(
			true
		);
		expect(groups.sameArea.length + groups.otherAreas.length + groups.taken.length).toBe(40);
	});

	it('leaves out the school the neighbourhood already has', async () => {
		const choices = await findSchoolChoices(
			world.db,
			await demoDistrictId(world.db),
			world.currentYearId
		);
		const dulab = await neighborhoodId(world.db, 'دولاب');
		const [own] = await schoolIdsIn(world.db, 'دولاب');
		const groups = groupSchoolChoices(choices, { id: dulab, areaId: -1 });
		const offered = [...groups.sameArea, ...groups.otherAreas, ...groups.taken].map((s) => s.id);
		expect(offered).toHaveLength(39);
		expect(offered).not.toContain(own);
	});
});
