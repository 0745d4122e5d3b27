import { beforeAll, describe, expect, it } from 'vitest';
import { insertDistrictWithArea } from '../../helpers/districts.ts';
import { pairingsInScope } from '../../helpers/pairings.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import {
	findDirectorySummary,
	HOME_DISTRICTS,
	HOME_NEIGHBORHOODS_PER_DISTRICT
} from '../../../src/lib/server/directory/summary.ts';
import {
	countPairingsInScope,
	findPairingsPage
} from '../../../src/lib/server/pairings/repository.ts';
import { findCurrentSchoolYear } from '../../../src/lib/server/school-years/repository.ts';
import { actorOf, createSessionWorld } from '../bell-sessions/fixtures.ts';

// The home page stays small however wide the viewer's scope: the directory summary counts
// everything but names only the first districts and neighbourhoods; pairings come as a preview
// with the length of the whole list.

let db: DB;
beforeAll(async () => {
	({ db } = await createSessionWorld());
});

/** Another district with one area of `neighborhoods` neighbourhoods, one centre and school each. */
async function addDistrict(db: DB, n: number, neighborhoods: number): Promise<number> {
	const { districtId, areaId } = await insertDistrictWithArea(db, {
		fa: `منطقه ${n}`,
		en: `District ${n}`
	});
	for (let i = 0; i < neighborhoods; i++) {
		const neighborhood = await db
			.insertInto('neighborhoods')
			.values({ area_id: areaId, name_fa: `محله ${i}`, name_en: `N ${i}`, name_search: `n ${i}` })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('centers')
			.values({ neighborhood_id: neighborhood.id, name: `سرای ${i}`, name_search: `سرای ${i}` })
			.execute();
		await db
			.insertInto('schools')
			.values({
				ministry_code: `T-${n}-${i}`,
				name: `مدرسه ${i}`,
				name_search: `مدرسه ${i}`,
				level: 'primary',
				gender: 'girls',
				neighborhood_id: neighborhood.id
			})
			.execute();
	}
	return districtId;
}

describe('the directory summary on the home page', () => {
	it("counts a centre manager's neighbourhoods, centres and schools", async () => {
		const manager = await actorOf(db, 'manager@demo.test');
		const { districts, total } = await findDirectorySummary(db, { user: manager });
		expect(total).toBe(1);
		expect(districts[0]).toMatchObject({ neighborhoods: 2, centers: 2 });
		expect(districts[0]!.shown.map((n) => n.name_fa).sort()).toEqual(['خاوران', 'دولاب']);
		expect(districts[0]!.schools).toBeGreaterThanOrEqual(2);
	});

	it('names only the first districts and neighbourhoods, and counts them all', async () => {
		const big = await addDistrict(db, 100, HOME_NEIGHBORHOODS_PER_DISTRICT + 5);
		for (let n = 101; n <= 100 + HOME_DISTRICTS; n++) await addDistrict(db, n, 1);
		const { districts, total } = await findDirectorySummary(db, {});
		expect(total).toBe(1 + 1 + HOME_DISTRICTS);
		expect(districts).toHaveLength(HOME_DISTRICTS);
		const summary = districts.find((d) => d.id === big)!;
		expect(summary).toMatchObject({
			areas: 1,
			neighborhoods: HOME_NEIGHBORHOODS_PER_DISTRICT + 5,
			centers: HOME_NEIGHBORHOODS_PER_DISTRICT + 5,
			schools: HOME_NEIGHBORHOODS_PER_DISTRICT + 5
		});
		expect(summary.shown).toHaveLength(HOME_NEIGHBORHOODS_PER_DISTRICT);
	});
});

describe('the pairings preview on the home page', () => {
	it('gives the first rows of the list in its order and the length of the whole list', async () => {
		const admin = await actorOf(db, 'admin@demo.test');
		const year = (await findCurrentSchoolYear(db))!;
		for (const filter of [{ unpairedOnly: true }, { pairedOnly: true }]) {
			const all = await pairingsInScope(db, admin, year.id, filter);
			expect(all.length).toBeGreaterThan(2);
			const preview = await findPairingsPage(db, admin, year.id, filter, { limit: 2 });
			expect(preview).toEqual({ rows: all.slice(0, 2), total: all.length });
		}
		const second = await findPairingsPage(db, admin, year.id, {}, { limit: 2, offset: 2 });
		expect(second.rows).toEqual((await pairingsInScope(db, admin, year.id)).slice(2, 4));
		expect(await countPairingsInScope(db, admin, year.id)).toEqual({
			paired: (await pairingsInScope(db, admin, year.id, { pairedOnly: true })).length,
			total: (await pairingsInScope(db, admin, year.id)).length
		});
		const paired = await findPairingsPage(db, admin, year.id, { pairedOnly: true }, { limit: 50 });
		expect(paired.rows.every((row) => row.school && row.center_name)).toBe(true);
	});
});
