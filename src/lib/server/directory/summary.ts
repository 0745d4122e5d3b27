import { sql } from 'kysely';
import type { DB } from '../db/connect.ts';
import { neighborhoodsInView, type DirectoryFilter } from './tree-filter.ts';

// The home page's picture of the directory, bounded whatever the scope: for each district in
// view how many areas, neighbourhoods, centres and schools it holds, and its first
// neighbourhoods by name; only the first districts. A national liaison's home stays small; the
// directory pages through the rest.

export const HOME_DISTRICTS = 12;
export const HOME_NEIGHBORHOODS_PER_DISTRICT = 60;

export interface DistrictSummary {
	id: number;
	name_fa: string;
	name_en: string;
	areas: number;
	neighborhoods: number;
	centers: number;
	schools: number;
	/** The first neighbourhoods, in the directory's order. */
	shown: { id: number; name_fa: string; name_en: string }[];
}

/** The first districts in view, summarised, and how many districts are in view in all. */
export async function findDirectorySummary(
	db: DB,
	filter: Pick<DirectoryFilter, 'user'>
): Promise<{ districts: DistrictSummary[]; total: number }> {
	const counts = await neighborhoodsInView(db, filter)
		.clearSelect()
		.clearOrderBy()
		.innerJoin('districts', 'districts.id', 'areas.district_id')
		.select((eb) => [
			'districts.id',
			'districts.name_fa',
			'districts.name_en',
			eb.fn.count<number>('neighborhoods.area_id').distinct().as('areas'),
			eb.fn.countAll<number>().as('neighborhoods'),
			sql<number>`sum((select count(*) from centers where centers.neighborhood_id = neighborhoods.id))`.as(
				'centers'
			),
			sql<number>`sum((select count(*) from schools where schools.neighborhood_id = neighborhoods.id))`.as(
				'schools'
			)
		])
		.groupBy('districts.id')
		.orderBy('districts.id')
		.execute();
	const first = counts.slice(0, HOME_DISTRICTS);
	const neighborhoods = first.length
		? await neighborhoodsInView(db, filter)
				.where(
					'areas.district_id',
					'in',
					first.map((d) => d.id)
				)
				.select('areas.district_id')
				.execute()
		: [];
	return {
		total: counts.length,
		districts: first.map((d) => ({
			id: d.id,
			name_fa: d.name_fa,
			name_en: d.name_en,
			areas: Number(d.areas),
			neighborhoods: Number(d.neighborhoods),
			centers: Number(d.centers),
			schools: Number(d.schools),
			shown: neighborhoods
				.filter((n) => n.district_id === d.id)
				.slice(0, HOME_NEIGHBORHOODS_PER_DISTRICT)
				.map((n) => ({ id: n.id, name_fa: n.name_fa, name_en: n.name_en }))
		}))
	};
}
