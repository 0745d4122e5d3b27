import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { districtIdsInScope, neighborhoodIdsInScope } from '../auth/scope.ts';
import { FILTER_CHOICES_MAX } from '../list-params.ts';
import { listDistrictsByIds } from '../directory/districts.ts';
import { listTopicOptions } from '../topics/repository.ts';

// What the session forms and filters offer: only places, topics and facilitators the user may use.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

export interface Named {
	id: number;
	name_fa: string;
	name_en: string;
}

export interface PairedPlace extends Named {
	school_id: number;
	school_name: string;
}

/**
 * Neighbourhoods in scope with this year's paired school: where a session can be proposed; only
 * those of an area or the one neighbourhood when asked.
 */
export async function findPairedPlaces(
	db: DB,
	user: ScopedUser,
	within: { area?: number; neighborhood?: number } = {}
): Promise<PairedPlace[]> {
	return db
		.selectFrom('pairings')
		.innerJoin('school_years', 'school_years.id', 'pairings.school_year_id')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'pairings.neighborhood_id')
		.innerJoin('schools', 'schools.id', 'pairings.school_id')
		.select([
			'neighborhoods.id',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'schools.id as school_id',
			'schools.name as school_name'
		])
		.where('school_years.is_current', '=', 1)
		.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user))
		.$if(Boolean(within.area), (q) => q.where('neighborhoods.area_id', '=', within.area!))
		.$if(Boolean(within.neighborhood), (q) =>
			q.where('neighborhoods.id', '=', within.neighborhood!)
		)
		.orderBy('neighborhoods.name_fa')
		.execute();
}

function facilitatorsInScope(db: DB, user: ScopedUser) {
	return db
		.selectFrom('facilitators')
		.select(['id', 'name'])
		.where('active', '=', 1)
		.where('district_id', 'in', districtIdsInScope(db, user))
		.orderBy('name');
}

/** Active facilitators of the user's districts. */
export async function findFacilitatorChoices(
	db: DB,
	user: ScopedUser
): Promise<{ id: number; name: string }[]> {
	return facilitatorsInScope(db, user).execute();
}

/** The same for a filter: beyond `max` (a country's 8,000) only the one chosen, if any. */
async function facilitatorFilterChoices(
	db: DB,
	user: ScopedUser,
	chosenId: number | undefined,
	max: number
): Promise<{ id: number; name: string }[]> {
	const first = await facilitatorsInScope(db, user)
		.limit(max + 1)
		.execute();
	if (first.length <= max) return first;
	return chosenId ? facilitatorsInScope(db, user).where('id', '=', chosenId).execute() : [];
}

export interface SessionFilterChoices {
	/** Offered when the scope has more than one district. */
	districts: Named[];
	areas: Named[];
	neighborhoods: (Named & { area_id: number })[];
	schools: { id: number; name: string }[];
	topics: Named[];
	facilitators: { id: number; name: string }[];
}

/**
 * The list's filter options: places in scope, every topic, the districts' facilitators. A wide
 * scope (a country) has too many areas, neighbourhoods, schools and facilitators for a list: then
 * only the areas of the district chosen, the neighbourhoods of the area chosen, the schools of the
 * neighbourhood or area chosen, and the facilitator chosen are offered.
 */
export async function findSessionFilterChoices(
	db: DB,
	user: ScopedUser,
	chosen: { district?: number; area?: number; neighborhood?: number; facilitator?: number } = {},
	max = FILTER_CHOICES_MAX
): Promise<SessionFilterChoices> {
	const inScope = db
		.selectFrom('neighborhoods')
		.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user));
	const areasInScope = db
		.selectFrom('areas')
		.select(['id', 'name_fa', 'name_en'])
		.where('id', 'in', inScope.select('neighborhoods.area_id'))
		.orderBy('district_id')
		.orderBy('number');
	const [districts, firstAreas, neighborhoodCount, topics, facilitators] = await Promise.all([
		user.scope.districtIds.length > 1 ? listDistrictsByIds(db, user.scope.districtIds) : [],
		areasInScope.limit(max + 1).execute(),
		inScope
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow()
			.then((row) => Number(row.count)),
		listTopicOptions(db),
		facilitatorFilterChoices(db, user, chosen.facilitator, max)
	]);
	const areas =
		firstAreas.length <= max
			? firstAreas
			: chosen.district
				? await areasInScope.where('district_id', '=', chosen.district).execute()
				: [];
	const wide = neighborhoodCount > max;
	const neighborhoods =
		wide && !chosen.area
			? []
			: await inScope
					.select(['id', 'name_fa', 'name_en', 'area_id'])
					.$if(wide, (q) => q.where('area_id', '=', chosen.area!))
					.orderBy('name_fa')
					.execute();
	const places =
		wide && !chosen.area && !chosen.neighborhood
			? []
			: await findPairedPlaces(db, user, wide ? chosen : {});
	const schools = places
		.map((p) => ({ id: p.school_id, name: p.school_name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fa'));
	return { districts, areas, neighborhoods, schools, topics, facilitators };
}
