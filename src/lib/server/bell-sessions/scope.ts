import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { neighborhoodIdsInScope } from '../auth/scope.ts';

// Which bell sessions a user sees, as a subquery of ids: admins and liaisons every session in
// their districts, centre managers their centres' sessions, school staff their school's.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

const none = [-1];

export function bellSessionIdsInScope(db: DB, user: ScopedUser) {
	const query = db.selectFrom('bell_sessions').select('bell_sessions.id');
	switch (user.role) {
		case 'admin':
		case 'liaison':
			return query.where('bell_sessions.neighborhood_id', 'in', neighborhoodIdsInScope(db, user));
		case 'center_manager':
			return query.where(
				'bell_sessions.center_id',
				'in',
				user.scope.centerIds.length ? user.scope.centerIds : none
			);
		case 'school_staff':
			return query.where('bell_sessions.school_id', '=', user.scope.schoolId ?? -1);
	}
}
