import type { DB } from '../db/connect.ts';
import type { SchoolGender, SchoolLevel } from '../db/schema.ts';
import { containsText } from '../db/contains-text.ts';
import { neighborhoodIdsInScope } from '../auth/scope.ts';
import { normalizeForSearch } from '../../search/normalize.ts';
import type { Names, ScopedUser } from './records.ts';

// Reading pairings: per school year, always narrowed to the user's neighbourhoods.

export type { Names, ScopedUser } from './records.ts';

export interface PairedSchool {
	id: number;
	name: string;
	level: SchoolLevel;
	gender: SchoolGender;
	area_id: number;
}

export interface NeighborhoodPairing {
	neighborhood: Names & { id: number };
	area: Names & { id: number; number: number };
	/** null: the neighbourhood is unpaired that year (and `school` is null too). */
	pairing: { id: number; version: number } | null;
	school: PairedSchool | null;
	/** The neighbourhood's community centre, when it has one. */
	center_name: string | null;
}

export interface PairingFilter {
	/** Part of a neighbourhood's or school's name, typed any way (see normalizeForSearch). */
	query?: string;
	unpairedOnly?: boolean;
	pairedOnly?: boolean;
	areaId?: number | null;
}

function pairingsQuery(db: DB, user: ScopedUser, schoolYearId: number, filter: PairingFilter) {
	let query = db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.leftJoin('pairings', (join) =>
			join
				.onRef('pairings.neighborhood_id', '=', 'neighborhoods.id')
				.on('pairings.school_year_id', '=', schoolYearId)
		)
		.leftJoin('schools', 'schools.id', 'pairings.school_id')
		.leftJoin('neighborhoods as school_neighborhoods', (join) =>
			join.onRef('school_neighborhoods.id', '=', 'schools.neighborhood_id')
		)
		.select([
			'neighborhoods.id',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'areas.id as area_id',
			'areas.number as area_number',
			'areas.name_fa as area_name_fa',
			'areas.name_en as area_name_en',
			'pairings.id as pairing_id',
			'pairings.version as pairing_version',
			'schools.id as school_id',
			'schools.name as school_name',
			'schools.level as school_level',
			'schools.gender as school_gender',
			'school_neighborhoods.area_id as school_area_id',
			(eb) =>
				eb
					.selectFrom('centers')
					.select('centers.name')
					.whereRef('centers.neighborhood_id', '=', 'neighborhoods.id')
					.orderBy('centers.id')
					.limit(1)
					.as('center_name')
		])
		.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user));
	if (filter.unpairedOnly) query = query.where('pairings.id', 'is', null);
	if (filter.pairedOnly) query = query.where('pairings.id', 'is not', null);
	if (filter.areaId) query = query.where('areas.id', '=', filter.areaId);
	const key = filter.query ? normalizeForSearch(filter.query) : '';
	if (key)
		query = query.where((eb) =>
			eb.or([
				containsText(eb.ref('neighborhoods.name_search'), key),
				containsText(eb.ref('schools.name_search'), key)
			])
		);
	return query;
}

type PairingRow = Awaited<ReturnType<ReturnType<typeof pairingsQuery>['execute']>>[number];

function ordered(query: ReturnType<typeof pairingsQuery>) {
	return query.orderBy('areas.number').orderBy('neighborhoods.name_fa').orderBy('neighborhoods.id');
}

export const PAIRINGS_PAGE_SIZE = 50;

/**
 * The user's neighbourhoods with their paired school that year, by area number then name: `limit`
 * rows from `offset`, and how long the whole list is.
 */
export async function findPairingsPage(
	db: DB,
	user: ScopedUser,
	schoolYearId: number,
	filter: PairingFilter,
	{ limit, offset = 0 }: { limit: number; offset?: number }
): Promise<{ rows: NeighborhoodPairing[]; total: number }> {
	const query = pairingsQuery(db, user, schoolYearId, filter);
	const [rows, count] = await Promise.all([
		ordered(query).limit(limit).offset(offset).execute(),
		query
			.clearSelect()
			.select((eb) => eb.fn.countAll<number>().as('total'))
			.executeTakeFirstOrThrow()
	]);
	return { rows: rows.map(toPairing), total: Number(count.total) };
}

/** How many of the user's neighbourhoods have a school that year, of how many. */
export async function countPairingsInScope(
	db: DB,
	user: ScopedUser,
	schoolYearId: number
): Promise<{ paired: number; total: number }> {
	const row = await pairingsQuery(db, user, schoolYearId, {})
		.clearSelect()
		.select((eb) => [
			eb.fn.count<number>('pairings.id').as('paired'),
			eb.fn.countAll<number>().as('total')
		])
		.executeTakeFirstOrThrow();
	return { paired: Number(row.paired), total: Number(row.total) };
}

function toPairing(r: PairingRow): NeighborhoodPairing {
	return {
		neighborhood: { id: r.id, name_fa: r.name_fa, name_en: r.name_en },
		area: {
			id: r.area_id,
			number: r.area_number,
			name_fa: r.area_name_fa,
			name_en: r.area_name_en
		},
		pairing:
			r.pairing_id === null ? null : { id: r.pairing_id, version: Number(r.pairing_version) },
		school:
			r.school_id === null
				? null
				: {
						id: r.school_id,
						name: r.school_name!,
						level: r.school_level!,
						gender: r.school_gender!,
						area_id: Number(r.school_area_id)
					},
		center_name: r.center_name
	};
}

/** The areas of the user's neighbourhoods, for the area filter. */
export async function findAreasInScope(
	db: DB,
	user: ScopedUser
): Promise<(Names & { id: number; number: number })[]> {
	return db
		.selectFrom('areas')
		.select(['areas.id', 'areas.number', 'areas.name_fa', 'areas.name_en'])
		.where('areas.id', 'in', (eb) =>
			eb
				.selectFrom('neighborhoods')
				.select('neighborhoods.area_id')
				.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user))
		)
		.orderBy('areas.district_id')
		.orderBy('areas.number')
		.execute();
}

export interface PairingHistoryEntry {
	school_year: { id: number; label: string; starts_on: string };
	school: { id: number; name: string } | null;
}

/** Every school year with the neighbourhood's school that year (or none), newest first. */
export async function findNeighborhoodHistory(
	db: DB,
	neighborhoodId: number
): Promise<PairingHistoryEntry[]> {
	const rows = await db
		.selectFrom('school_years')
		.leftJoin('pairings', (join) =>
			join
				.onRef('pairings.school_year_id', '=', 'school_years.id')
				.on('pairings.neighborhood_id', '=', neighborhoodId)
		)
		.leftJoin('schools', 'schools.id', 'pairings.school_id')
		.select([
			'school_years.id',
			'school_years.label',
			'school_years.starts_on',
			'schools.id as school_id',
			'schools.name as school_name'
		])
		.orderBy('school_years.starts_on', 'desc')
		.execute();
	return rows.map((r) => ({
		school_year: { id: r.id, label: r.label, starts_on: r.starts_on },
		school: r.school_id === null ? null : { id: r.school_id, name: r.school_name! }
	}));
}
