import type { DB } from '../db/connect.ts';
import type { SchoolGender, SchoolLevel } from '../db/schema.ts';
import type { AuthUser } from '../auth/guard.ts';
import { neighborhoodIdsInScope } from '../auth/scope.ts';
import { schoolsInDistricts } from '../directory/in-districts.ts';

// One neighbourhood, one school, one pairing: what the rules look at before a change.

export type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

/** Scope of an admin of `districtIds`, for the scope subqueries. */
export function districtScope(districtIds: number[]): ScopedUser {
	return { role: 'admin', scope: { districtIds, centerIds: [], schoolId: null } };
}

export interface Names {
	name_fa: string;
	name_en: string;
}

export interface NeighborhoodRecord extends Names {
	id: number;
	district_id: number;
	area: Names & { id: number; number: number };
}

/** A neighbourhood the user may see, with its area and district; null outside their scope. */
export async function findNeighborhoodInScope(
	db: DB,
	user: ScopedUser,
	id: number
): Promise<NeighborhoodRecord | null> {
	const row = await db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select([
			'neighborhoods.id',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'areas.district_id',
			'areas.id as area_id',
			'areas.number as area_number',
			'areas.name_fa as area_name_fa',
			'areas.name_en as area_name_en'
		])
		.where('neighborhoods.id', '=', id)
		.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user))
		.executeTakeFirst();
	if (!row) return null;
	const { area_id, area_number, area_name_fa, area_name_en, ...neighborhood } = row;
	return {
		...neighborhood,
		area: { id: area_id, number: area_number, name_fa: area_name_fa, name_en: area_name_en }
	};
}

export interface SchoolRecord {
	id: number;
	name: string;
	level: SchoolLevel;
	gender: SchoolGender;
	area: Names & { id: number };
}

/** A school of the district `districtId`; null for any other. */
export async function findSchoolInDistrict(
	db: DB,
	districtId: number,
	schoolId: number
): Promise<SchoolRecord | null> {
	const row = await schoolsInDistricts(db, [districtId])
		.select([
			'schools.id',
			'schools.name',
			'schools.level',
			'schools.gender',
			'areas.id as area_id',
			'areas.name_fa as area_name_fa',
			'areas.name_en as area_name_en'
		])
		.where('schools.id', '=', schoolId)
		.executeTakeFirst();
	if (!row) return null;
	const { area_id, area_name_fa, area_name_en, ...school } = row;
	return { ...school, area: { id: area_id, name_fa: area_name_fa, name_en: area_name_en } };
}

export interface PairingRecord {
	id: number;
	version: number;
	created_at: string;
	school_year_id: number;
	school_year_label: string;
	neighborhood_id: number;
	neighborhood: Names;
	school_id: number;
	school_name: string;
}

function selectPairings(db: DB) {
	return db
		.selectFrom('pairings')
		.innerJoin('school_years', 'school_years.id', 'pairings.school_year_id')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'pairings.neighborhood_id')
		.innerJoin('schools', 'schools.id', 'pairings.school_id')
		.select([
			'pairings.id',
			'pairings.version',
			'pairings.created_at',
			'pairings.school_year_id',
			'school_years.label as school_year_label',
			'pairings.neighborhood_id',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'pairings.school_id',
			'schools.name as school_name'
		]);
}

type PairingRow = Awaited<ReturnType<ReturnType<typeof selectPairings>['executeTakeFirst']>>;

function toRecord(row: PairingRow): PairingRecord | null {
	if (!row) return null;
	const { name_fa, name_en, ...pairing } = row;
	return { ...pairing, neighborhood: { name_fa, name_en } };
}

export async function findPairingById(db: DB, id: number): Promise<PairingRecord | null> {
	return toRecord(await selectPairings(db).where('pairings.id', '=', id).executeTakeFirst());
}

/** The neighbourhood's pairing in the school year, if it has one. */
export async function findPairingOfNeighborhood(
	db: DB,
	schoolYearId: number,
	neighborhoodId: number
): Promise<PairingRecord | null> {
	return toRecord(
		await selectPairings(db)
			.where('pairings.school_year_id', '=', schoolYearId)
			.where('pairings.neighborhood_id', '=', neighborhoodId)
			.executeTakeFirst()
	);
}

/** The school's pairing in the school year, if it has one. */
export async function findPairingOfSchool(
	db: DB,
	schoolYearId: number,
	schoolId: number
): Promise<PairingRecord | null> {
	return toRecord(
		await selectPairings(db)
			.where('pairings.school_year_id', '=', schoolYearId)
			.where('pairings.school_id', '=', schoolId)
			.executeTakeFirst()
	);
}
