import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { findDirectoryPage } from '../../../src/lib/server/directory/repository.ts';
import { directoryTree } from '../../helpers/directory-tree.ts';
import {
	findAreaInDistricts,
	findCenterInDistricts,
	findNeighborhoodInDistricts
} from '../../../src/lib/server/directory/records.ts';
import { listAreasInScope } from '../../../src/lib/server/directory/area-lists.ts';
import { demoPasswordHash, insertSecondDistrict, type SecondDistrict } from '../users/fixtures.ts';
import {
	centerIdOf,
	createDemoDb,
	idByName,
	neighborhoodNames,
	schoolNames,
	scopedUser,
	type ScopedUser
} from './fixtures.ts';

describe('directory scope', () => {
	let db: DB;
	let other: SecondDistrict;

	beforeAll(async () => {
		db = await createDemoDb();
		other = await insertSecondDistrict(db, await demoPasswordHash(db));
	});

	const treeOf = async (email: string) => directoryTree(db, { user: await scopedUser(db, email) });

	it('shows a centre manager only the neighbourhoods of their centres', async () => {
		expect(neighborhoodNames(await treeOf('manager@demo.test'))).toEqual(['خاوران', 'دولاب']);
	});

	it('shows school staff only their school and its neighbourhood', async () => {
		const staff = await scopedUser(db, 'staff@demo.test');
		const tree = await directoryTree(db, { user: staff });
		expect(neighborhoodNames(tree)).toEqual(['دولاب']);
		const schools = tree
			.flatMap((d) => d.areas)
			.flatMap((a) => a.neighborhoods)
			.flatMap((n) => n.schools);
		expect(schools.map((s) => s.id)).toEqual([staff.scope.schoolId]);
	});

	it('shows admins and liaisons their whole district, and nothing of another', async () => {
		for (const email of ['admin@demo.test', 'liaison@demo.test']) {
			const tree = await treeOf(email);
			expect(tree.map((d) => d.name_fa)).toEqual(['منطقه ۱۴']);
			expect(neighborhoodNames(tree)).toHaveLength(25);
			expect(schoolNames(tree)).toHaveLength(40);
		}
	});

	it('shows a second district’s admin nothing of District 14', async () => {
		const admin15: ScopedUser = {
			id: other.adminId,
			role: 'admin',
			scope: { districtIds: [other.districtId], centerIds: [], schoolId: null }
		};
		const tree = await directoryTree(db, { user: admin15 });
		expect(tree.map((d) => d.name_en)).toEqual(['District 15']);
		expect(neighborhoodNames(tree)).toEqual(['مسعودیه']);
		expect(neighborhoodNames(await directoryTree(db, { user: admin15, query: 'دولاب' }))).toEqual(
			[]
		);
		const areas = await listAreasInScope(db, admin15);
		expect(areas.map((a) => a.district_id)).toEqual([other.districtId]);
	});

	it('finds District 14’s records for its admin and not for another district’s', async () => {
		const area = await idByName(db, 'areas', 'ناحیه ۱');
		const dulab = await idByName(db, 'neighborhoods', 'دولاب');
		const center = await centerIdOf(db, 'دولاب');
		const own = (await scopedUser(db, 'admin@demo.test')).scope.districtIds;
		expect(await findAreaInDistricts(db, area, own)).not.toBeNull();
		expect(await findNeighborhoodInDistricts(db, dulab, own)).not.toBeNull();
		expect(await findCenterInDistricts(db, center, own)).not.toBeNull();
		for (const districtIds of [[other.districtId], []]) {
			expect(await findAreaInDistricts(db, area, districtIds)).toBeNull();
			expect(await findNeighborhoodInDistricts(db, dulab, districtIds)).toBeNull();
			expect(await findCenterInDistricts(db, center, districtIds)).toBeNull();
		}
	});

	it('lists the areas a user sees, with their neighbourhoods counted', async () => {
		const admin = await listAreasInScope(db, await scopedUser(db, 'admin@demo.test'));
		expect(admin).toHaveLength(6);
		expect(admin.reduce((sum, a) => sum + a.neighborhoods, 0)).toBe(25);
		const manager = await listAreasInScope(db, await scopedUser(db, 'manager@demo.test'));
		expect(manager.reduce((sum, a) => sum + a.neighborhoods, 0)).toBe(2);
		expect(manager.every((a) => a.neighborhoods > 0)).toBe(true);
	});

	it('filters by area, and pages through neighbourhoods', async () => {
		const admin = await scopedUser(db, 'admin@demo.test');
		const area = await idByName(db, 'areas', 'ناحیه ۲');
		const inArea = await directoryTree(db, { user: admin, areaId: area });
		expect(inArea.flatMap((d) => d.areas).map((a) => a.id)).toEqual([area]);
		const first = await findDirectoryPage(db, { user: admin }, 1, 10);
		const last = await findDirectoryPage(db, { user: admin }, 3, 10);
		expect(first.total).toBe(25);
		expect(neighborhoodNames(first.districts)).toHaveLength(10);
		expect(neighborhoodNames(last.districts)).toHaveLength(5);
		const manager = await scopedUser(db, 'manager@demo.test');
		expect((await findDirectoryPage(db, { user: manager, areaId: area }, 1)).total).toBe(
			neighborhoodNames(await directoryTree(db, { user: manager, areaId: area })).length
		);
	});
});
