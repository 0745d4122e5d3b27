import type { AuthUser } from '../auth/guard.ts';
import { neighborhoodIdsInScope, schoolIdsInScope } from '../auth/scope.ts';
import type { DB } from '../db/connect.ts';
import { containsText } from '../db/contains-text.ts';
import { normalizeForSearch } from '../../search/normalize.ts';

// Which neighbourhoods (and which of their schools) a directory view shows: the user's scope, an
// area, and a search over neighbourhood, centre and school names, all inside the queries.

export interface DirectoryFilter {
	/** Only what this user's role and scope cover. */
	user?: Pick<AuthUser, 'role' | 'scope'>;
	areaId?: number;
	/** As typed: matched, normalised, against neighbourhood, centre and school names. */
	query?: string;
}

/** The normalised search text, or '' when there is nothing to search for. */
export function searchKeyOf(filter: DirectoryFilter): string {
	return filter.query ? normalizeForSearch(filter.query) : '';
}

/** Schools the filter's user may see, matching `key` when given. */
function schoolsInView(db: DB, filter: DirectoryFilter, key: string) {
	let query = db.selectFrom('schools').select('schools.neighborhood_id');
	if (filter.user) query = query.where('schools.id', 'in', schoolIdsInScope(db, filter.user));
	if (key) query = query.where((eb) => containsText(eb.ref('schools.name_search'), key));
	return query;
}

/** The neighbourhoods in view, in the order the directory lists them. */
export function neighborhoodsInView(db: DB, filter: DirectoryFilter) {
	const key = searchKeyOf(filter);
	let query = db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select([
			'neighborhoods.id',
			'neighborhoods.area_id',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'neighborhoods.name_search'
		]);
	if (filter.user)
		query = query.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, filter.user));
	if (filter.areaId) query = query.where('neighborhoods.area_id', '=', filter.areaId);
	if (key)
		query = query.where((eb) =>
			eb.or([
				containsText(eb.ref('neighborhoods.name_search'), key),
				eb(
					'neighborhoods.id',
					'in',
					eb
						.selectFrom('centers')
						.select('centers.neighborhood_id')
						.where((c) => containsText(c.ref('centers.name_search'), key))
				),
				eb('neighborhoods.id', 'in', schoolsInView(db, filter, key))
			])
		);
	return query
		.orderBy('areas.district_id')
		.orderBy('areas.number')
		.orderBy('neighborhoods.name_fa')
		.orderBy('neighborhoods.id');
}

export async function countNeighborhoodsInView(db: DB, filter: DirectoryFilter): Promise<number> {
	const row = await neighborhoodsInView(db, filter)
		.clearSelect()
		.clearOrderBy()
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/**
 * The schools of these neighbourhoods (null: of all) that the filter's user may see, with their
 * head count.
 */
export function schoolsOfNeighborhoods(db: DB, filter: DirectoryFilter, neighborhoodIds: number[]) {
	let query = db
		.selectFrom('schools')
		.leftJoin('school_enrolments', 'school_enrolments.school_id', 'schools.id')
		.select(({ fn, val }) => [
			'schools.id',
			'schools.neighborhood_id',
			'schools.name',
			'schools.level',
			'schools.gender',
			'schools.name_search',
			fn.coalesce(fn.sum<number>('school_enrolments.students'), val(0)).as('students')
		]);
	query = query.where(
		'schools.neighborhood_id',
		'in',
		neighborhoodIds.length ? neighborhoodIds : [-1]
	);
	if (filter.user) query = query.where('schools.id', 'in', schoolIdsInScope(db, filter.user));
	return query.groupBy('schools.id').orderBy('schools.name');
}
