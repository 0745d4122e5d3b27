import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { neighborhoodIdsInScope } from '../auth/scope.ts';

// Which campaigns a user sees, as subqueries of ids: centre managers their own centres'; admins
// and liaisons every centre of their districts; school staff the centre of their school's
// neighbourhood. Only managers (their centres) and admins (their districts) change them.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

const none = [-1];

/** The centres whose campaigns the user sees. */
export function campaignCenterIdsInScope(db: DB, user: ScopedUser) {
	const query = db.selectFrom('centers').select('centers.id');
	if (user.role === 'center_manager')
		return query.where(
			'centers.id',
			'in',
			user.scope.centerIds.length ? user.scope.centerIds : none
		);
	return query.where('centers.neighborhood_id', 'in', neighborhoodIdsInScope(db, user));
}

export function campaignIdsInScope(db: DB, user: ScopedUser) {
	return db
		.selectFrom('campaigns')
		.select('campaigns.id')
		.where('campaigns.center_id', 'in', campaignCenterIdsInScope(db, user));
}

/** Whether the user may change a campaign they can see: its centre's managers and admins. */
export function canManageCampaigns(user: ScopedUser, centerId: number): boolean {
	return (
		user.role === 'admin' ||
		(user.role === 'center_manager' && user.scope.centerIds.includes(centerId))
	);
}
