import type { DB } from '../db/connect.ts';
import type { PairingDescription } from './audit.ts';
import {
	findPairingOfNeighborhood,
	findPairingOfSchool,
	type Names,
	type NeighborhoodRecord,
	type SchoolRecord
} from './records.ts';
import type { SchoolYearChoice } from './school-years.ts';

// The pairing rules, checked before writing so the admin reads why in their language. The
// unique indexes on pairings hold the same rules when two admins save at once.

export type PairingRefusal =
	| { error: 'not_found' }
	| { error: 'stale' }
	| { error: 'year_closed'; year: string }
	| { error: 'reason_required' }
	| { error: 'school_not_in_district' }
	| { error: 'same_school' }
	| { error: 'neighborhood_taken'; neighborhood: Names; school: string; year: string }
	| { error: 'school_taken'; neighborhood: Names; year: string }
	| { error: 'other_area'; neighborhood: Names; school: string; area: Names; schoolArea: Names };

export function names(row: Names): Names {
	return { name_fa: row.name_fa, name_en: row.name_en };
}

/** One neighbourhood per school: refused when another neighbourhood has the school that year. */
export async function findSchoolRefusal(
	db: DB,
	year: SchoolYearChoice,
	neighborhood: NeighborhoodRecord,
	school: SchoolRecord,
	options: { ownPairingId: number | null; confirmOtherArea: boolean }
): Promise<PairingRefusal | null> {
	const taken = await findPairingOfSchool(db, year.id, school.id);
	if (taken && taken.id !== options.ownPairingId)
		return { error: 'school_taken', neighborhood: taken.neighborhood, year: year.label };
	// A school of another area is allowed, once the admin has seen that it is.
	if (school.area.id !== neighborhood.area.id && !options.confirmOtherArea)
		return {
			error: 'other_area',
			neighborhood: names(neighborhood),
			school: school.name,
			area: names(neighborhood.area),
			schoolArea: names(school.area)
		};
	return null;
}

/** One school per neighbourhood, then one neighbourhood per school. */
export async function findPairRefusal(
	db: DB,
	year: SchoolYearChoice,
	neighborhood: NeighborhoodRecord,
	school: SchoolRecord,
	confirmOtherArea: boolean
): Promise<PairingRefusal | null> {
	const own = await findPairingOfNeighborhood(db, year.id, neighborhood.id);
	if (own)
		return {
			error: 'neighborhood_taken',
			neighborhood: names(neighborhood),
			school: own.school_name,
			year: year.label
		};
	return findSchoolRefusal(db, year, neighborhood, school, {
		ownPairingId: null,
		confirmOtherArea
	});
}

export function describePairing(
	year: SchoolYearChoice,
	neighborhood: NeighborhoodRecord,
	school: Pick<SchoolRecord, 'id' | 'name'> & { area?: { id: number } }
): PairingDescription {
	return {
		school_year_id: year.id,
		school_year: year.label,
		neighborhood_id: neighborhood.id,
		neighborhood: neighborhood.name_fa,
		school_id: school.id,
		school: school.name,
		...(school.area && school.area.id !== neighborhood.area.id ? { other_area: true as const } : {})
	};
}
