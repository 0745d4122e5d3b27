import type { DB } from '../db/connect.ts';

export interface ScopeOptions {
	districts: { id: number; name_fa: string; name_en: string }[];
	centers: { id: number; name: string }[];
	schools: { id: number; name: string; ministry_code: string }[];
}

/** What an admin can put in a user's scope: their districts, and the centres and schools in them. */
export async function findScopeOptions(db: DB, districtIds: number[]): Promise<ScopeOptions> {
	const ids = districtIds.length ? districtIds : [-1];
	const [districts, centers, schools] = await Promise.all([
		db
			.selectFrom('districts')
			.select(['id', 'name_fa', 'name_en'])
			.where('id', 'in', ids)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('centers')
			.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
			.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
			.select(['centers.id', 'centers.name'])
			.where('areas.district_id', 'in', ids)
			.orderBy('centers.name')
			.execute(),
		db
			.selectFrom('schools')
			.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
			.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
			.select(['schools.id', 'schools.name', 'schools.ministry_code'])
			.where('areas.district_id', 'in', ids)
			.orderBy('schools.name')
			.execute()
	]);
	return { districts, centers, schools };
}
