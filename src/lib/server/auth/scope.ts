import { sql, type RawBuilder } from 'kysely';
import type { DB } from '../db/connect.ts';
import type { AuthUser } from './guard.ts';

// Scope as subqueries, to use inside any query: `.where('schools.id', 'in', schoolIdsInScope(db, user))`.
// Admins and liaisons: their districts. Centre managers: their centres' neighbourhoods and the
// schools paired with them. School staff: their school and its neighbourhood.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

const none = [-1];

/** Beyond this many districts (a country's liaison), see scopeColumn. */
const WIDE_SCOPE_DISTRICTS = 20;

/** A country's admin or liaison: more districts than SQLite should read neighbourhood by neighbourhood. */
export function isWideScope(user: ScopedUser): boolean {
	return user.scope.districtIds.length > WIDE_SCOPE_DISTRICTS;
}

/** The user with their scope narrowed to one of their districts; undefined for any other. */
export function withinDistrict<U extends ScopedUser>(user: U, districtId: number): U | undefined {
	return user.scope.districtIds.includes(districtId)
		? { ...user, scope: { ...user.scope, districtIds: [districtId] } }
		: undefined;
}

/**
 * A column tested against a scope, as the condition should name it. Over a wide scope
 * (isWideScope) the unary plus keeps SQLite from driving the query from that column's
 * index (seeking every neighbourhood or centre in scope, then sorting all it found): it reads by
 * status and time instead and tests the scope on each row, which is what a country-wide list needs.
 */
export function scopeColumn(user: ScopedUser, column: string): RawBuilder<number> {
	return isWideScope(user) ? sql<number>`+${sql.ref(column)}` : sql<number>`${sql.ref(column)}`;
}

export function neighborhoodIdsInScope(db: DB, user: ScopedUser) {
	const { districtIds, centerIds, schoolId } = user.scope;
	const query = db.selectFrom('neighborhoods').select('neighborhoods.id');
	switch (user.role) {
		case 'admin':
		case 'liaison':
			return query
				.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
				.where('areas.district_id', 'in', districtIds.length ? districtIds : none);
		case 'center_manager':
			return query.where(
				'neighborhoods.id',
				'in',
				db
					.selectFrom('centers')
					.select('centers.neighborhood_id')
					.where('centers.id', 'in', centerIds.length ? centerIds : none)
			);
		case 'school_staff':
			return query.where(
				'neighborhoods.id',
				'in',
				db
					.selectFrom('schools')
					.select('schools.neighborhood_id')
					.where('schools.id', '=', schoolId ?? -1)
			);
	}
}

export function schoolIdsInScope(db: DB, user: ScopedUser) {
	const query = db.selectFrom('schools').select('schools.id');
	switch (user.role) {
		case 'admin':
		case 'liaison':
			return query
				.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
				.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
				.where(
					'areas.district_id',
					'in',
					user.scope.districtIds.length ? user.scope.districtIds : none
				);
		case 'center_manager':
			return query.where((eb) =>
				eb.or([
					eb('schools.neighborhood_id', 'in', neighborhoodIdsInScope(db, user)),
					eb(
						'schools.id',
						'in',
						eb
							.selectFrom('pairings')
							.select('pairings.school_id')
							.where('pairings.neighborhood_id', 'in', neighborhoodIdsInScope(db, user))
					)
				])
			);
		case 'school_staff':
			return query.where('schools.id', '=', user.scope.schoolId ?? -1);
	}
}

/**
 * Districts a user reads that hold any neighbourhood: their own (admin, liaison; tested by district,
 * not through each of a country's neighbourhoods) or those their neighbourhoods lie in.
 */
export function districtIdsInScope(db: DB, user: ScopedUser) {
	const withNeighborhoods = db
		.selectFrom('areas')
		.innerJoin('neighborhoods', 'neighborhoods.area_id', 'areas.id')
		.select('areas.district_id')
		.distinct();
	if (user.role === 'admin' || user.role === 'liaison') {
		const { districtIds } = user.scope;
		return withNeighborhoods.where(
			'areas.district_id',
			'in',
			districtIds.length ? districtIds : none
		);
	}
	return withNeighborhoods.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user));
}
