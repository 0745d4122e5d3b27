import { sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { insertDistrictWithArea } from '../../helpers/districts.ts';
import type { Role, User } from '../../../src/lib/server/db/schema.ts';
import { tableNames } from '../../helpers/schema.ts';

// Shared set-up for the auth and user tests. Users are inserted directly, reusing an existing
// argon2 hash, so that only the code under test pays for hashing.

export const DEMO_DISTRICT_NAME = 'منطقه ۱۴';

export async function userByEmail(db: DB, email: string): Promise<User> {
	return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

export async function demoDistrictId(db: DB): Promise<number> {
	const row = await db
		.selectFrom('districts')
		.select('id')
		.where('name_fa', '=', DEMO_DISTRICT_NAME)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The password hash of a seeded demo account, to give inserted users the demo password. */
export async function demoPasswordHash(db: DB): Promise<string> {
	return (await userByEmail(db, 'admin@demo.test')).password_hash;
}

export interface InsertedUser {
	email: string;
	role?: Role;
	passwordHash: string;
	districtIds?: number[];
	centerIds?: number[];
	schoolId?: number | null;
	active?: boolean;
	mustChangePassword?: boolean;
	displayName?: string;
}

export async function insertUser(db: DB, u: InsertedUser): Promise<number> {
	const role = u.role ?? 'liaison';
	const { id } = await db
		.insertInto('users')
		.values({
			email: u.email,
			display_name: u.displayName ?? `Test user ${u.email}`,
			password_hash: u.passwordHash,
			role,
			school_id: u.schoolId ?? null,
			active: u.active === false ? 0 : 1,
			must_change_password: u.mustChangePassword ? 1 : 0,
			created_at: '2026-11-01T00:00:00.000Z'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const district_id of u.districtIds ?? []) {
		await db.insertInto('user_districts').values({ user_id: id, district_id }).execute();
	}
	for (const center_id of u.centerIds ?? []) {
		await db.insertInto('user_centers').values({ user_id: id, center_id }).execute();
	}
	return id;
}

export interface SecondDistrict {
	districtId: number;
	centerId: number;
	schoolId: number;
	adminId: number;
	managerId: number;
	staffId: number;
}

/** Another district with one area, neighbourhood, centre and school, and its own admin and staff. */
export async function insertSecondDistrict(db: DB, passwordHash: string): Promise<SecondDistrict> {
	const { districtId, areaId } = await insertDistrictWithArea(db, {
		fa: 'منطقه ۱۵',
		en: 'District 15'
	});
	const neighborhood = await db
		.insertInto('neighborhoods')
		.values({ area_id: areaId, name_fa: 'مسعودیه', name_en: 'Masoudieh', name_search: 'مسعودیه' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const center = await db
		.insertInto('centers')
		.values({
			neighborhood_id: neighborhood.id,
			name: 'سرای محله مسعودیه',
			name_search: 'سرایمحلهمسعودیه',
			address: null,
			phone: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const school = await db
		.insertInto('schools')
		.values({
			ministry_code: '15900001',
			name: 'دبستان مسعودیه',
			name_search: 'دبستانمسعودیه15900001',
			level: 'primary',
			gender: 'girls',
			neighborhood_id: neighborhood.id,
			address: null,
			principal_name: null,
			phone: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const adminId = await insertUser(db, {
		email: 'admin15@other.test',
		role: 'admin',
		passwordHash,
		districtIds: [districtId]
	});
	const managerId = await insertUser(db, {
		email: 'manager15@other.test',
		role: 'center_manager',
		passwordHash,
		centerIds: [center.id]
	});
	const staffId = await insertUser(db, {
		email: 'staff15@other.test',
		role: 'school_staff',
		passwordHash,
		schoolId: school.id
	});
	return {
		districtId,
		centerId: center.id,
		schoolId: school.id,
		adminId,
		managerId,
		staffId
	};
}

/** A centre and a school of the demo district. */
export async function demoCenterAndSchool(
	db: DB,
	districtId: number
): Promise<{ centerId: number; schoolId: number }> {
	const center = await db
		.selectFrom('centers')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select('centers.id')
		.where('areas.district_id', '=', districtId)
		.orderBy('centers.id')
		.executeTakeFirstOrThrow();
	const school = await db
		.selectFrom('schools')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select('schools.id')
		.where('areas.district_id', '=', districtId)
		.orderBy('schools.id')
		.executeTakeFirstOrThrow();
	return { centerId: center.id, schoolId: school.id };
}

export async function sessionIdsOf(db: DB, userId: number): Promise<string[]> {
	const rows = await db
		.selectFrom('user_sessions')
		.select('id')
		.where('user_id', '=', userId)
		.orderBy('id')
		.execute();
	return rows.map((r) => r.id);
}

export async function auditRows(db: DB, action: string, entityId?: number) {
	let query = db.selectFrom('audit_log').selectAll().where('action', '=', action);
	if (entityId !== undefined) query = query.where('entity_id', '=', entityId);
	return query.orderBy('id').execute();
}

/**
 * Every place in the database (as "table.column") where one of `needles` is stored, in any
 * text or blob column of any table: as text, as UTF-8 bytes or, for `bytes`, as raw bytes.
 */
export async function findStored(
	db: DB,
	needles: string[],
	bytes: Uint8Array[] = []
): Promise<string[]> {
	const tables = await tableNames(db);
	expect(tables.length).toBeGreaterThan(10);
	const found: string[] = [];
	for (const name of tables) {
		const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
			db
		);
		for (const row of rows) {
			for (const [column, value] of Object.entries(row)) {
				const stored =
					typeof value === 'string'
						? Buffer.from(value, 'utf8')
						: value instanceof Uint8Array
							? Buffer.from(value)
							: null;
				if (!stored) continue;
				const text = stored.toString('utf8');
				for (const needle of needles) {
					if (text.includes(needle) || stored.includes(Buffer.from(needle, 'utf8')))
						found.push(`${name}.${column}: ${needle}`);
				}
				for (const raw of bytes) {
					if (stored.includes(Buffer.from(raw))) found.push(`${name}.${column}: raw bytes`);
				}
			}
		}
	}
	return found;
}
