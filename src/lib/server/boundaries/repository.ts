import type { DB } from '../db/connect.ts';
import type { BoundaryLevel } from '../db/schema.ts';
import type { Outline } from '../coverage/map/shapes.ts';

// Uploaded outlines of neighbourhoods and areas, read by the coverage map and the admin page.

const placeColumn = {
	neighborhood: 'neighborhood_id',
	area: 'area_id'
} as const satisfies Record<BoundaryLevel, string>;

/** The outlines of the places with one, by place id. */
export async function findOutlines(
	db: DB,
	level: BoundaryLevel,
	placeIds: number[]
): Promise<Map<number, Outline>> {
	if (!placeIds.length) return new Map();
	const column = placeColumn[level];
	const rows = await db
		.selectFrom('place_boundaries')
		.select([column, 'geometry'])
		.where('level', '=', level)
		.where(column, 'in', placeIds)
		.execute();
	return new Map(rows.map((row) => [Number(row[column]), JSON.parse(row.geometry) as Outline]));
}

export interface BoundarySummary {
	level: BoundaryLevel;
	/** Places of the level in the district, and how many of them have an outline. */
	places: number;
	outlined: number;
	uploadedAt: string | null;
}

/** For each level: how many of the district's places have an outline, and when they came. */
export async function findBoundarySummary(db: DB, districtId: number): Promise<BoundarySummary[]> {
	const [areas, neighborhoods, outlines] = await Promise.all([
		db
			.selectFrom('areas')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('district_id', '=', districtId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('neighborhoods')
			.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('areas.district_id', '=', districtId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('place_boundaries')
			.select((eb) => [
				'level',
				eb.fn.countAll<number>().as('count'),
				eb.fn.max('uploaded_at').as('uploaded_at')
			])
			.where('district_id', '=', districtId)
			.groupBy('level')
			.execute()
	]);
	const of = (level: BoundaryLevel, places: number): BoundarySummary => {
		const row = outlines.find((o) => o.level === level);
		return {
			level,
			places: Number(places),
			outlined: Number(row?.count ?? 0),
			uploadedAt: row?.uploaded_at ?? null
		};
	};
	return [of('neighborhood', neighborhoods.count), of('area', areas.count)];
}
