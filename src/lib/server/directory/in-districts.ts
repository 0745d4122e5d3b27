import type { DB } from '../db/connect.ts';

// Centres and schools belong to a district through their neighbourhood and its area. These are
// the one place that join is written; an empty list matches nothing.

function idsOrNone(districtIds: number[]): number[] {
	return districtIds.length ? districtIds : [-1];
}

export function centersInDistricts(db: DB, districtIds: number[]) {
	return db
		.selectFrom('centers')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.where('areas.district_id', 'in', idsOrNone(districtIds));
}

export function schoolsInDistricts(db: DB, districtIds: number[]) {
	return db
		.selectFrom('schools')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.where('areas.district_id', 'in', idsOrNone(districtIds));
}
