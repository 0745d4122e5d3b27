import type { DB } from '../db/connect.ts';
import { schoolIdsInScope } from '../auth/scope.ts';
import type { ScopedUser } from './repository.ts';

// The places schools lie in: the list's filter options and the neighbourhoods an admin may use.

export interface PlaceOption {
	id: number;
	name_fa: string;
	name_en: string;
}

/** Areas and neighbourhoods that hold schools the user reads, for the list's filters. */
export async function findSchoolFilterOptions(
	db: DB,
	user: ScopedUser
): Promise<{ areas: PlaceOption[]; neighborhoods: (PlaceOption & { area_id: number })[] }> {
	const neighborhoods = await db
		.selectFrom('neighborhoods')
		.select(['neighborhoods.id', 'name_fa', 'name_en', 'area_id'])
		.where(
			'neighborhoods.id',
			'in',
			db
				.selectFrom('schools')
				.select('schools.neighborhood_id')
				.where('schools.id', 'in', schoolIdsInScope(db, user))
		)
		.orderBy('name_fa')
		.execute();
	const areaIds = [...new Set(neighborhoods.map((n) => n.area_id))];
	const areas = await db
		.selectFrom('areas')
		.select(['id', 'name_fa', 'name_en'])
		.where('id', 'in', areaIds.length ? areaIds : [-1])
		.orderBy('number')
		.execute();
	return { areas, neighborhoods };
}

/** The neighbourhoods an admin may put a school in: those of their districts. */
export async function findNeighborhoodsInDistricts(
	db: DB,
	districtIds: number[]
): Promise<(PlaceOption & { area_id: number })[]> {
	return db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select([
			'neighborhoods.id',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'neighborhoods.area_id'
		])
		.where('areas.district_id', 'in', districtIds.length ? districtIds : [-1])
		.orderBy('neighborhoods.name_fa')
		.execute();
}

export async function isNeighborhoodInDistricts(
	db: DB,
	neighborhoodId: number,
	districtIds: number[]
): Promise<boolean> {
	const row = await db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select('neighborhoods.id')
		.where('neighborhoods.id', '=', neighborhoodId)
		.where('areas.district_id', 'in', districtIds.length ? districtIds : [-1])
		.executeTakeFirst();
	return row !== undefined;
}
