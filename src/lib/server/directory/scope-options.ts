import type { DB } from '../db/connect.ts';
import { listDistrictsByIds } from './districts.ts';
import { centersInDistricts, schoolsInDistricts } from './in-districts.ts';

export interface ScopeOptions {
	districts: { id: number; name_fa: string; name_en: string }[];
	centers: { id: number; name: string }[];
	schools: { id: number; name: string; ministry_code: string }[];
}

/** What an admin can put in a user's scope: their districts, and the centres and schools in them. */
export async function findScopeOptions(db: DB, districtIds: number[]): Promise<ScopeOptions> {
	const [districts, centers, schools] = await Promise.all([
		listDistrictsByIds(db, districtIds),
		centersInDistricts(db, districtIds)
			.select(['centers.id', 'centers.name'])
			.orderBy('centers.name')
			.execute(),
		schoolsInDistricts(db, districtIds)
			.select(['schools.id', 'schools.name', 'schools.ministry_code'])
			.orderBy('schools.name')
			.execute()
	]);
	return { districts, centers, schools };
}
