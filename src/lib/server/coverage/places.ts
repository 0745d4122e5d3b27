import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { neighborhoodIdsInScope } from '../auth/scope.ts';
import type { CoverageQuery } from './filter.ts';

// The places a user's coverage spans, for the filters, the breadcrumb and to settle the choices.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

export interface Place {
	id: number;
	name_fa: string;
	name_en: string;
}

export interface CoveragePlaces {
	districts: Place[];
	areas: (Place & { district_id: number })[];
	neighborhoods: (Place & { area_id: number })[];
}

export async function findCoveragePlaces(db: DB, user: ScopedUser): Promise<CoveragePlaces> {
	const rows = await db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.innerJoin('districts', 'districts.id', 'areas.district_id')
		.select([
			'neighborhoods.id',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'neighborhoods.area_id',
			'areas.name_fa as area_fa',
			'areas.name_en as area_en',
			'areas.district_id',
			'districts.name_fa as district_fa',
			'districts.name_en as district_en'
		])
		.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user))
		.orderBy('districts.id')
		.orderBy('areas.number')
		.orderBy('neighborhoods.name_fa')
		.execute();
	const districts = new Map<number, Place>();
	const areas = new Map<number, Place & { district_id: number }>();
	for (const r of rows) {
		districts.set(r.district_id, {
			id: r.district_id,
			name_fa: r.district_fa,
			name_en: r.district_en
		});
		areas.set(r.area_id, {
			id: r.area_id,
			name_fa: r.area_fa,
			name_en: r.area_en,
			district_id: r.district_id
		});
	}
	return {
		districts: [...districts.values()],
		areas: [...areas.values()],
		neighborhoods: rows.map((r) => ({
			id: r.id,
			name_fa: r.name_fa,
			name_en: r.name_en,
			area_id: r.area_id
		}))
	};
}

/**
 * A deeper place is kept only when it lies in the shallower one chosen (so changing the area drops
 * a neighbourhood of another area); the places above the deepest one are then filled in. Places
 * outside the user's scope stay as asked and simply have no figures.
 */
export function settlePlaces(query: CoverageQuery, places: CoveragePlaces): CoverageQuery {
	let { district, area, neighborhood } = query;
	const areaOf = (id: number | undefined) => places.areas.find((a) => a.id === id);
	const neighborhoodOf = (id: number | undefined) => places.neighborhoods.find((n) => n.id === id);
	if (district && areaOf(area) && areaOf(area)!.district_id !== district) area = undefined;
	const chosen = neighborhoodOf(neighborhood);
	if (chosen) {
		const itsArea = areaOf(chosen.area_id)!;
		if ((area && chosen.area_id !== area) || (district && itsArea.district_id !== district))
			neighborhood = undefined;
		else area = chosen.area_id;
	}
	const chosenArea = areaOf(area);
	if (chosenArea) district = chosenArea.district_id;
	return { ...query, district, area, neighborhood };
}
