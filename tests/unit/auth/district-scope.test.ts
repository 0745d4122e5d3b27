import { describe, expect, it } from 'vitest';
import { districtIdsInScope } from '../../../src/lib/server/auth/scope.ts';
import { createCoverageWorld, scopedUserOf } from '../coverage/fixtures.ts';

// The districts a user reads: an admin's or liaison's own, a manager's or staff member's by their
// neighbourhoods; only districts holding a neighbourhood.

describe('districts in scope', () => {
	it('are an admin’s and a liaison’s own with neighbourhoods, and where the others’ neighbourhoods lie', async () => {
		const { db } = await createCoverageWorld();
		const { id: empty } = await db
			.insertInto('districts')
			.values({ name_fa: 'خالی', name_en: 'Empty', city_fa: 'تهران', city_en: 'Tehran' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const ids = async (email: string, extra: number[] = []) => {
			const user = await scopedUserOf(db, email);
			const scoped = {
				...user,
				scope: { ...user.scope, districtIds: [...user.scope.districtIds, ...extra] }
			};
			return (await districtIdsInScope(db, scoped).execute()).map((r) => r.district_id);
		};
		const demo = await ids('liaison@demo.test');
		expect(demo).toHaveLength(1);
		expect(await ids('liaison@demo.test', [empty])).toEqual(demo);
		expect(await ids('admin@demo.test', [empty])).toEqual(demo);
		expect(await ids('manager@demo.test')).toEqual(demo);
		expect(await ids('staff@demo.test')).toEqual(demo);
		await db.destroy();
	});
});
