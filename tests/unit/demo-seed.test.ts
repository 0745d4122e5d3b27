import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db/connect.ts';
import { seedDemoClosures, seedDemoDistrict } from '../../src/lib/server/demo/seed.ts';
import { directoryTree } from '../helpers/directory-tree.ts';
import { findCurrentSchoolYear } from '../../src/lib/server/school-years/repository.ts';
import { createTestDb } from '../helpers/test-db.ts';

describe('demo district', () => {
	let db: DB;
	beforeAll(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
	});

	it('holds District 14 with its 6 areas, 25 neighbourhoods and a centre in each', async () => {
		const [district] = await directoryTree(db);
		expect(district?.name_fa).toBe('منطقه ۱۴');
		expect(district?.areas).toHaveLength(6);
		const neighborhoods = district!.areas.flatMap((a) => a.neighborhoods);
		expect(neighborhoods).toHaveLength(25);
		expect(neighborhoods.map((n) => n.name_fa)).toContain('دولاب');
		expect(neighborhoods.map((n) => n.name_fa)).toContain('خاوران');
		expect(neighborhoods.every((n) => n.center !== null)).toBe(true);
		expect(district!.areas.every((a) => a.neighborhoods.length > 0)).toBe(true);
	});

	it('has about 40 schools of every level and gender, each with its enrolment', async () => {
		const schools = (await directoryTree(db))
			.flatMap((d) => d.areas)
			.flatMap((a) => a.neighborhoods)
			.flatMap((n) => n.schools);
		expect(schools).toHaveLength(40);
		for (const level of ['primary', 'lower_secondary', 'upper_secondary']) {
			for (const gender of ['boys', 'girls']) {
				expect(schools.some((s) => s.level === level && s.gender === gender)).toBe(true);
			}
		}
		expect(schools.every((s) => s.students > 0)).toBe(true);
	});

	it('makes the school year covering today current, with a Jalali label', async () => {
		expect(await findCurrentSchoolYear(db)).toMatchObject({
			label: '۱۴۰۵–۱۴۰۶',
			starts_on: '2026-09-23',
			ends_on: '2027-09-22'
		});
	});

	it('holds the topic catalogue, facilitators, and pairings for most but not all neighbourhoods', async () => {
		const topics = await db.selectFrom('topics').select('code').execute();
		expect(topics.map((t) => t.code)).toEqual(
			expect.arrayContaining(['addiction', 'bullying', 'parenting', 'mental_health'])
		);
		expect(topics).toHaveLength(8);
		const facilitators = await db.selectFrom('facilitators').select('id').execute();
		expect(facilitators.length).toBeGreaterThanOrEqual(6);
		const current = await findCurrentSchoolYear(db);
		const paired = await db
			.selectFrom('pairings')
			.innerJoin('neighborhoods', 'neighborhoods.id', 'pairings.neighborhood_id')
			.select(['neighborhoods.name_fa', 'pairings.school_id'])
			.where('school_year_id', '=', current!.id)
			.execute();
		expect(paired).toHaveLength(22);
		expect(paired.map((p) => p.name_fa)).toContain('دولاب');
		const staff = await db
			.selectFrom('users')
			.select('school_id')
			.where('email', '=', 'staff@demo.test')
			.executeTakeFirstOrThrow();
		expect(paired.find((p) => p.name_fa === 'دولاب')?.school_id).toBe(staff.school_id);
	});

	it('stores search keys with the names', async () => {
		const dulab = await db
			.selectFrom('neighborhoods')
			.select('name_search')
			.where('name_fa', '=', 'دولاب')
			.executeTakeFirstOrThrow();
		expect(dulab.name_search).toBe('دولابdulab');
	});

	it('adds the official fixed holidays of both school years as a separate step', async () => {
		expect(await db.selectFrom('closures').select('id').execute()).toEqual([]);
		await seedDemoClosures(db);
		const nowruz = await db
			.selectFrom('closures')
			.select(['starts_on', 'ends_on', 'kind'])
			.where('starts_on', '=', '2026-03-21')
			.executeTakeFirstOrThrow();
		expect(nowruz).toEqual({ starts_on: '2026-03-21', ends_on: '2026-03-24', kind: 'holiday' });
		const count = await db.selectFrom('closures').select('id').execute();
		expect(count.length).toBeGreaterThanOrEqual(12);
	});
});
