import { beforeAll, describe, expect, it } from 'vitest';
import { neighborhoodIdsInScope, schoolIdsInScope } from '../../../src/lib/server/auth/scope.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { findUserByEmail, findUserScope } from '../../../src/lib/server/users/repository.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { insertSecondDistrict, demoPasswordHash } from '../users/fixtures.ts';

describe('scope subqueries', () => {
	let db: DB;
	const userOf = async (email: string) => {
		const user = (await findUserByEmail(db, email))!;
		return { role: user.role, scope: await findUserScope(db, user) };
	};
	const neighborhoodNames = async (email: string) =>
		(
			await db
				.selectFrom('neighborhoods')
				.select('name_fa')
				.where('id', 'in', neighborhoodIdsInScope(db, await userOf(email)))
				.orderBy('name_fa')
				.execute()
		).map((n) => n.name_fa);
	const schoolIds = async (email: string) =>
		(
			await db
				.selectFrom('schools')
				.select('id')
				.where('id', 'in', schoolIdsInScope(db, await userOf(email)))
				.execute()
		).map((s) => s.id);

	beforeAll(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		await insertSecondDistrict(db, await demoPasswordHash(db));
	});

	it("gives admins and liaisons their districts' neighbourhoods and schools, not another district's", async () => {
		expect(await neighborhoodNames('admin@demo.test')).toHaveLength(25);
		expect(await neighborhoodNames('liaison@demo.test')).not.toContain('مسعودیه');
		expect(await schoolIds('liaison@demo.test')).toHaveLength(40);
	});

	it("gives a centre manager their centres' neighbourhoods and the schools paired with them", async () => {
		expect(await neighborhoodNames('manager@demo.test')).toEqual(['خاوران', 'دولاب']);
		const staff = (await findUserByEmail(db, 'staff@demo.test'))!;
		const staff2 = (await findUserByEmail(db, 'staff2@demo.test'))!;
		const ids = await schoolIds('manager@demo.test');
		expect(ids).toContain(staff.school_id);
		expect(ids).not.toContain(staff2.school_id);
	});

	it('gives school staff their school and its neighbourhood only', async () => {
		const staff = (await findUserByEmail(db, 'staff@demo.test'))!;
		expect(await schoolIds('staff@demo.test')).toEqual([staff.school_id]);
		expect(await neighborhoodNames('staff@demo.test')).toEqual(['دولاب']);
	});
});
