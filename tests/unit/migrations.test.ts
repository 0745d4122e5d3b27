import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../src/lib/server/db/connect.ts';
import { migrateDownToEmpty, migrateToLatest } from '../../src/lib/server/db/migrate.ts';

async function tableNames(db: DB): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select name from sqlite_master
		where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
		order by name`.execute(db);
	return rows.map((r) => r.name);
}

describe('migrations', () => {
	let db: DB;
	afterEach(async () => db?.destroy());

	it('go up from empty, down to empty and up again', async () => {
		db = openDatabase(':memory:');
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

	it('set the pragmas the app relies on', async () => {
		db = openDatabase(':memory:');
		const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
		expect(rows[0]?.foreign_keys).toBe(1);
	});

	it('make the database refuse a school with an unknown level or a duplicate ministry code', async () => {
		db = openDatabase(':memory:');
		await migrateToLatest(db);
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
		await expect(db.insertInto('schools').values(school).execute()).rejects.toThrow(/UNIQUE/);
		await expect(
			db
				.insertInto('schools')
				.values({ ...school, ministry_code: '124', level: 'college' as never })
				.execute()
		).rejects.toThrow(/CHECK/);
		await expect(
			db
				.insertInto('schools')
				.values({ ...school, ministry_code: '125', neighborhood_id: 999 })
				.execute()
		).rejects.toThrow(/FOREIGN KEY/);
	});

	it('make the database refuse a second current school year', async () => {
		db = openDatabase(':memory:');
		await migrateToLatest(db);
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
		).rejects.toThrow(/UNIQUE/);
		await db
			.insertInto('school_years')
			.values({ ...year('c', '2027-09-23', '2028-09-21'), is_current: 0 })
			.execute();
	});
});
