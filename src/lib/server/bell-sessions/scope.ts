import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { AuthUser } from '../auth/guard.ts';
import { neighborhoodIdsInScope, scopeColumn } from '../auth/scope.ts';

// Which bell sessions a user sees, as a condition on the session's own columns (so the database
// can use the index of that column, not list every id in scope first): admins and liaisons every
// session in their districts, centre managers their centres' sessions, school staff their school's.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

const none = [-1];

export function bellSessionInScope(db: DB, user: ScopedUser) {
	return (eb: ExpressionBuilder<Database, 'bell_sessions'>) => {
		switch (user.role) {
			case 'admin':
			case 'liaison':
				return eb(
					scopeColumn(user, 'bell_sessions.neighborhood_id'),
					'in',
					neighborhoodIdsInScope(db, user)
				);
			case 'center_manager':
				return eb(
					'bell_sessions.center_id',
					'in',
					user.scope.centerIds.length ? user.scope.centerIds : none
				);
			case 'school_staff':
				return eb('bell_sessions.school_id', '=', user.scope.schoolId ?? -1);
		}
	};
}
