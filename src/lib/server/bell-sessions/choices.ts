import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { districtIdsInScope, neighborhoodIdsInScope } from '../auth/scope.ts';
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

/** Neighbourhoods in scope with this year's paired school: where a session can be proposed. */
export async function findPairedPlaces(db: DB, user: ScopedUser): Promise<PairedPlace[]> {
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
		.orderBy('neighborhoods.name_fa')
		.execute();
}

/** Active facilitators of the user's districts. */
export async function findFacilitatorChoices(
	db: DB,
	user: ScopedUser
): Promise<{ id: number; name: string }[]> {
	return db
		.selectFrom('facilitators')
		.select(['id', 'name'])
		.where('active', '=', 1)
		.where('district_id', 'in', districtIdsInScope(db, user))
		.orderBy('name')
		.execute();
}

export interface SessionFilterChoices {
	areas: Named[];
	neighborhoods: (Named & { area_id: number })[];
	schools: { id: number; name: string }[];
	topics: Named[];
	facilitators: { id: number; name: string }[];
}

/** The list's filter options: places in scope, every topic, the districts' facilitators. */
export async function findSessionFilterChoices(
	db: DB,
	user: ScopedUser
): Promise<SessionFilterChoices> {
	const [neighborhoods, places, topics, facilitators] = await Promise.all([
		db
			.selectFrom('neighborhoods')
			.select(['id', 'name_fa', 'name_en', 'area_id'])
			.where('id', 'in', neighborhoodIdsInScope(db, user))
			.orderBy('name_fa')
			.execute(),
		findPairedPlaces(db, user),
		listTopicOptions(db),
		findFacilitatorChoices(db, user)
	]);
	const areaIds = [...new Set(neighborhoods.map((n) => n.area_id))];
	const areas = await db
		.selectFrom('areas')
		.select(['id', 'name_fa', 'name_en'])
		.where('id', 'in', areaIds.length ? areaIds : [-1])
		.orderBy('number')
		.execute();
	const schools = places
		.map((p) => ({ id: p.school_id, name: p.school_name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fa'));
	return { areas, neighborhoods, schools, topics, facilitators };
}
