import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { districtIdsInScope, neighborhoodIdsInScope } from '../auth/scope.ts';
import type { CoverageQuery } from './filter.ts';

// The places a user's coverage spans, for the filters, the breadcrumb and to settle the choices.
// Bounded whatever the scope: every district in scope, but the areas and neighbourhoods of one
// district only (the one chosen, or the scope's only one), plus the area and neighbourhood asked
// for, so that settling the choices knows where they lie. A country's 30,000 neighbourhoods are
// never all listed.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

export interface Place {
	id: number;
	name_fa: string;
	name_en: string;
}

export interface CoveragePlaces {
	districts: Place[];
	/** Of one district (see above); empty when the scope spans several and none is chosen. */
	areas: (Place & { district_id: number })[];
	neighborhoods: (Place & { area_id: number })[];
}

function inScope(db: DB, user: ScopedUser) {
	return db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user));
}

/** The district of the area or neighbourhood asked for, if they exist. */
async function districtOf(
	db: DB,
	asked: Pick<CoverageQuery, 'area' | 'neighborhood'>
): Promise<number | undefined> {
	if (!asked.area && !asked.neighborhood) return undefined;
	const row = await db
		.selectFrom('areas')
		.select('areas.district_id')
		.where((eb) =>
			eb.or([
				eb('areas.id', '=', asked.area ?? -1),
				eb(
					'areas.id',
					'=',
					eb
						.selectFrom('neighborhoods')
						.select('neighborhoods.area_id')
						.where('neighborhoods.id', '=', asked.neighborhood ?? -1)
				)
			])
		)
		.executeTakeFirst();
	return row?.district_id;
}

/** Whether the places list one district's areas and neighbourhoods (not only its name). */
export function placesAreFocused(places: CoveragePlaces): boolean {
	return places.areas.length > 0;
}

export async function findCoveragePlaces(
	db: DB,
	user: ScopedUser,
	asked: Pick<CoverageQuery, 'district' | 'area' | 'neighborhood'>
): Promise<CoveragePlaces> {
	const districts = await db
		.selectFrom('districts')
		.select(['id', 'name_fa', 'name_en'])
		.where('id', 'in', districtIdsInScope(db, user))
		.orderBy('id')
		.execute();
	const focus =
		asked.district ??
		(await districtOf(db, asked)) ??
		(districts.length === 1 ? districts[0]!.id : undefined);
	const lookingAt = focus ?? asked.area ?? asked.neighborhood;
	const rows = !lookingAt
		? []
		: await inScope(db, user)
				.select([
					'neighborhoods.id',
					'neighborhoods.name_fa',
					'neighborhoods.name_en',
					'neighborhoods.area_id',
					'areas.name_fa as area_fa',
					'areas.name_en as area_en',
					'areas.district_id'
				])
				.where((eb) =>
					eb.or([
						eb('areas.district_id', '=', focus ?? -1),
						eb('areas.id', '=', asked.area ?? -1),
						eb('neighborhoods.id', '=', asked.neighborhood ?? -1)
					])
				)
				.orderBy('areas.district_id')
				.orderBy('areas.number')
				.orderBy('neighborhoods.name_fa')
				.execute();
	const areas = new Map<number, Place & { district_id: number }>();
	for (const r of rows)
		areas.set(r.area_id, {
			id: r.area_id,
			name_fa: r.area_fa,
			name_en: r.area_en,
			district_id: r.district_id
		});
	return {
		districts,
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
