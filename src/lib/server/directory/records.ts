import type { DB } from '../db/connect.ts';
import type { Area, Center, Neighborhood } from '../db/schema.ts';

// Single directory records as admins edit them: found only inside the given districts, so a
// record elsewhere reads as missing.

export function idsOrNone(ids: number[]): number[] {
	return ids.length ? ids : [-1];
}

export type AreaRecord = Area;
export type NeighborhoodRecord = Neighborhood & { district_id: number };
export type CenterRecord = Center & {
	district_id: number;
	neighborhood_name_fa: string;
	neighborhood_name_en: string;
};

export async function findAreaInDistricts(
	db: DB,
	id: number,
	districtIds: number[]
): Promise<AreaRecord | null> {
	const area = await db
		.selectFrom('areas')
		.selectAll()
		.where('id', '=', id)
		.where('district_id', 'in', idsOrNone(districtIds))
		.executeTakeFirst();
	return area ?? null;
}

export async function findNeighborhoodInDistricts(
	db: DB,
	id: number,
	districtIds: number[]
): Promise<NeighborhoodRecord | null> {
	const neighborhood = await db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.selectAll('neighborhoods')
		.select('areas.district_id')
		.where('neighborhoods.id', '=', id)
		.where('areas.district_id', 'in', idsOrNone(districtIds))
		.executeTakeFirst();
	return neighborhood ?? null;
}

export async function findCenterInDistricts(
	db: DB,
	id: number,
	districtIds: number[]
): Promise<CenterRecord | null> {
	const center = await db
		.selectFrom('centers')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.selectAll('centers')
		.select([
			'areas.district_id',
			'neighborhoods.name_fa as neighborhood_name_fa',
			'neighborhoods.name_en as neighborhood_name_en'
		])
		.where('centers.id', '=', id)
		.where('areas.district_id', 'in', idsOrNone(districtIds))
		.executeTakeFirst();
	return center ?? null;
}

/** The centre of a neighbourhood (the first, should there be more than one). */
export async function findCenterIdOfNeighborhood(
	db: DB,
	neighborhoodId: number
): Promise<number | null> {
	const center = await db
		.selectFrom('centers')
		.select('id')
		.where('neighborhood_id', '=', neighborhoodId)
		.orderBy('id')
		.executeTakeFirst();
	return center?.id ?? null;
}
