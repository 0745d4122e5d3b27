import type { DB } from '../db/connect.ts';
import { schoolIdsInScope } from '../auth/scope.ts';
import type { ScopedUser } from './repository.ts';
import { findStoredSchool, type StoredSchool } from './store.ts';

export interface SchoolDetail extends StoredSchool {
	neighborhood: { name_fa: string; name_en: string };
	area: { name_fa: string; name_en: string };
}

/** One school, if the user reads it; anything else is null (the page answers 404). */
export async function findSchoolInScope(
	db: DB,
	user: ScopedUser,
	schoolId: number
): Promise<SchoolDetail | null> {
	const place = await db
		.selectFrom('schools')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select([
			'neighborhoods.name_fa as neighborhood_fa',
			'neighborhoods.name_en as neighborhood_en',
			'areas.name_fa as area_fa',
			'areas.name_en as area_en'
		])
		.where('schools.id', '=', schoolId)
		.where('schools.id', 'in', schoolIdsInScope(db, user))
		.executeTakeFirst();
	if (!place) return null;
	const stored = await findStoredSchool(db, schoolId);
	if (!stored) return null;
	return {
		...stored,
		neighborhood: { name_fa: place.neighborhood_fa, name_en: place.neighborhood_en },
		area: { name_fa: place.area_fa, name_en: place.area_en }
	};
}
