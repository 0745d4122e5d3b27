import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import type { ScopedUser } from '../../../src/lib/server/schools/repository.ts';
import { findUserScope } from '../../../src/lib/server/users/repository.ts';
import type { SchoolInput } from '../../../src/lib/schemas/schools.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { userByEmail } from '../users/fixtures.ts';

// Shared set-up for the school tests: the demo district and its people as the services see them.

export async function createDemoDb(): Promise<DB> {
	const db = await createTestDb();
	await seedDemoDistrict(db, '2026-11-26');
	return db;
}

export async function scopedUser(db: DB, email: string): Promise<ScopedUser & { id: number }> {
	const user = await userByEmail(db, email);
	return { id: user.id, role: user.role, scope: await findUserScope(db, user) };
}

export async function schoolActor(db: DB, email: string): Promise<Actor> {
	const user = await scopedUser(db, email);
	return { id: user.id, districtIds: user.scope.districtIds, ip: '10.0.0.1' };
}

export async function neighborhoodId(db: DB, nameFa: string): Promise<number> {
	const row = await db
		.selectFrom('neighborhoods')
		.select('id')
		.where('name_fa', '=', nameFa)
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function schoolIdByCode(db: DB, code: string): Promise<number> {
	const row = await db
		.selectFrom('schools')
		.select('id')
		.where('ministry_code', '=', code)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** A valid form for a primary school with the given grades; blank grades otherwise. */
export function schoolInput(neighborhood: number, extra: Partial<SchoolInput> = {}): SchoolInput {
	const grades = Object.fromEntries(
		Array.from({ length: 12 }, (_, i) => [`grade_${i + 1}`, ''])
	) as Pick<SchoolInput, `grade_${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12}`>;
	return {
		ministry_code: '14199001',
		name: 'دبستان آزمایشی',
		level: 'primary',
		gender: 'girls',
		neighborhood_id: neighborhood,
		address: '',
		principal_name: '',
		phone: '',
		...grades,
		grade_1: '30',
		grade_2: '25',
		...extra
	};
}

/** Every row of a table (all columns), for comparing the database before and after. */
export async function snapshotSchools(db: DB): Promise<unknown[]> {
	const schools = await db.selectFrom('schools').selectAll().orderBy('id').execute();
	const enrolment = await db
		.selectFrom('school_enrolments')
		.selectAll()
		.orderBy('school_id')
		.orderBy('grade')
		.execute();
	return [schools, enrolment];
}

/** CSV text from rows of cells (no quoting needed for the values the tests use). */
export function csvText(rows: (string | number)[][]): string {
	return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

export const IMPORT_HEADER = [
	'ministry_code',
	'name',
	'level',
	'gender',
	'neighborhood',
	'address',
	'principal_name',
	'phone',
	...Array.from({ length: 12 }, (_, i) => `grade_${i + 1}`)
];
