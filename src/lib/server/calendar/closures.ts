import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { districtIdsInScope } from '../auth/scope.ts';
import { findClosuresBetween, type ClosureRow } from '../closures/repository.ts';

// The closures a user's calendar shows: the holidays and exam periods of their districts, and
// the closed days of their own school (staff) or centres (managers). Admins and liaisons get no
// single school's or centre's closures: across a district they would crowd out everything else.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

function concerns(closure: ClosureRow, user: ScopedUser): boolean {
	switch (closure.kind) {
		case 'holiday':
		case 'exam':
			return true;
		case 'school':
			return user.role === 'school_staff' && closure.school_id === user.scope.schoolId;
		case 'center':
			return (
				user.role === 'center_manager' &&
				closure.center_id !== null &&
				user.scope.centerIds.includes(closure.center_id)
			);
	}
}

/** The closures sharing at least one day with `from`..`to` (inclusive) that concern `user`. */
export async function findCalendarClosures(
	db: DB,
	user: ScopedUser,
	from: string,
	to: string
): Promise<ClosureRow[]> {
	const districts = await districtIdsInScope(db, user).execute();
	const perDistrict = await Promise.all(
		districts.map((d) => findClosuresBetween(db, d.district_id, from, to))
	);
	return perDistrict.flat().filter((closure) => concerns(closure, user));
}
