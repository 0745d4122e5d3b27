import type { AuthUser } from '../auth/guard.ts';
import type { BellSession } from '../db/schema.ts';
import { canManageCampaigns } from '../campaigns/scope.ts';

// Who records what happened at a session or campaign event the user can already see (its scope
// is checked by the query that found it). A session: the school's staff, the managers of the
// proposing centre, and admins of the district; its rating is the school staff's. An event: its
// centre's managers and admins; its rating is the managers'. Liaisons read only.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;
type Place = Pick<BellSession, 'school_id' | 'center_id'>;

export function mayRecordAttendance(user: ScopedUser, session: Place): boolean {
	switch (user.role) {
		case 'admin':
			return true;
		case 'center_manager':
			return user.scope.centerIds.includes(session.center_id);
		case 'school_staff':
			return user.scope.schoolId === session.school_id;
		case 'liaison':
			return false;
	}
}

export function mayRateSession(user: ScopedUser, session: Place): boolean {
	return user.role === 'school_staff' && user.scope.schoolId === session.school_id;
}

type Centre = { center_id: number };

/** A campaign event's attendance: its centre's managers and the district's admins. */
export function mayRecordEventAttendance(user: ScopedUser, event: Centre): boolean {
	return canManageCampaigns(user, event.center_id);
}

/** The rating of a held campaign event is its centre managers'. */
export function mayRateEvent(user: ScopedUser, event: Centre): boolean {
	return user.role === 'center_manager' && user.scope.centerIds.includes(event.center_id);
}
