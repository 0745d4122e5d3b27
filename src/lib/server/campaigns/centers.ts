import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { centersInDistricts } from '../directory/in-districts.ts';
import { FILTER_CHOICES_MAX } from '../list-params.ts';
import { campaignCenterIdsInScope } from './scope.ts';

// The centres a campaign can be held at, for the forms, the filters and the services.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

export interface CampaignCenter {
	id: number;
	name: string;
	district_id: number;
}

function centersWithDistrict(db: DB) {
	return db
		.selectFrom('centers')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select(['centers.id', 'centers.name', 'areas.district_id']);
}

/** The centres where the user may plan campaigns: a manager's own, an admin's districts'. */
function centersToManage(db: DB, user: ScopedUser) {
	const query = centersWithDistrict(db);
	switch (user.role) {
		case 'center_manager':
			return query.where(
				'centers.id',
				'in',
				user.scope.centerIds.length ? user.scope.centerIds : [-1]
			);
		case 'admin':
			return query.where(
				'centers.id',
				'in',
				centersInDistricts(db, user.scope.districtIds).select('centers.id')
			);
		default:
			return query.where('centers.id', '=', -1);
	}
}

export async function findCentersToManage(db: DB, user: ScopedUser): Promise<CampaignCenter[]> {
	return centersToManage(db, user).orderBy('centers.name').execute();
}

/** One centre the user may plan campaigns at, or undefined. */
export async function findCenterToManage(
	db: DB,
	user: ScopedUser,
	centerId: number
): Promise<CampaignCenter | undefined> {
	return centersToManage(db, user).where('centers.id', '=', centerId).executeTakeFirst();
}

/**
 * The centres whose campaigns the user sees, for the list's filter; over a wide scope (more than
 * `max`, e.g. a country's 30,000) only the one chosen, so the page stays small.
 */
export async function findCentersInScope(
	db: DB,
	user: ScopedUser,
	chosenId?: number,
	max = FILTER_CHOICES_MAX
): Promise<{ id: number; name: string }[]> {
	const centers = db
		.selectFrom('centers')
		.select(['id', 'name'])
		.where('id', 'in', campaignCenterIdsInScope(db, user));
	const all = await centers
		.orderBy('name')
		.limit(max + 1)
		.execute();
	if (all.length <= max) return all;
	return chosenId ? centers.where('id', '=', chosenId).execute() : [];
}
