import { afterEach, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db/connect.ts';
import { migrateDownToEmpty, migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { tableNames } from '../helpers/schema.ts';
import { createEmptyTestDb, createTestDb, refusedBy } from '../helpers/test-db.ts';

describe('migrations', () => {
	let db: DB;
	afterEach(async () => db?.destroy());

	it('go up from empty, down to empty and up again', { timeout: 60_000 }, async () => {
		db = await createEmptyTestDb();
		expect(await tableNames(db)).toEqual([]);

		await migrateToLatest(db);
		const created = await tableNames(db);
		for (const table of [
			'districts',
			'areas',
			'neighborhoods',
			'centers',
			'schools',
			'school_enrolments',
			'school_years',
			'users',
			'user_sessions',
			'audit_log',
			'topics',
			'facilitators',
			'pairings',
			'closures',
			'settings',
			'bell_sessions',
			'notifications',
			'calendar_feeds'
		]) {
			expect(created).toContain(table);
		}

		await migrateDownToEmpty(db);
		expect(await tableNames(db)).toEqual([]);

		await migrateToLatest(db);
		expect(await tableNames(db)).toEqual(created);
	});

	it('make the database refuse a school with an unknown level or a duplicate ministry code', async () => {
		db = await createTestDb();
		const { id: districtId } = await db
			.insertInto('districts')
			.values({ name_fa: 'م', name_en: 'D', city_fa: 'ت', city_en: 'T' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const { id: areaId } = await db
			.insertInto('areas')
			.values({ district_id: districtId, number: 1, name_fa: 'ن', name_en: 'A' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const { id: neighborhoodId } = await db
			.insertInto('neighborhoods')
			.values({ area_id: areaId, name_fa: 'م', name_en: 'N', name_search: 'm' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const school = {
			ministry_code: '123',
			name: 'دبستان',
			level: 'primary' as const,
			gender: 'girls' as const,
			neighborhood_id: neighborhoodId,
			address: null,
			principal_name: null,
			phone: null,
			name_search: 'دبستان123'
		};
		await db.insertInto('schools').values(school).execute();
		await expect(db.insertInto('schools').values(school).execute()).rejects.toThrow(
			refusedBy.unique
		);
		await expect(
			db
				.insertInto('schools')
				.values({ ...school, ministry_code: '124', level: 'college' as never })
				.execute()
		).rejects.toThrow(refusedBy.check);
		await expect(
			db
				.insertInto('schools')
				.values({ ...school, ministry_code: '125', neighborhood_id: 999 })
				.execute()
		).rejects.toThrow(refusedBy.foreignKey);
	});

	it('make the database refuse a second current school year', async () => {
		db = await createTestDb();
		const year = (label: string, starts_on: string, ends_on: string) => ({
			label,
			starts_on,
			ends_on,
			is_current: 1
		});
		await db
			.insertInto('school_years')
			.values(year('a', '2025-09-23', '2026-09-22'))
			.execute();
		await expect(
			db
				.insertInto('school_years')
				.values(year('b', '2026-09-23', '2027-09-22'))
				.execute()
		).rejects.toThrow(refusedBy.unique);
		await db
			.insertInto('school_years')
			.values({ ...year('c', '2027-09-23', '2028-09-21'), is_current: 0 })
			.execute();
	});
});
