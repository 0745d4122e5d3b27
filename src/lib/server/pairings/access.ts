import type { DB } from '../db/connect.ts';
import { todayInTehran } from '../../i18n/jalali.ts';
import type { PairingActor } from './audit.ts';
import {
	districtScope,
	findNeighborhoodInScope,
	findPairingById,
	type NeighborhoodRecord,
	type PairingRecord
} from './records.ts';
import type { PairingRefusal } from './rules.ts';
import { findSchoolYearById, isSchoolYearClosed, type SchoolYearChoice } from './school-years.ts';

// What a change may touch: a neighbourhood of the admin's districts, a school year not yet
// ended, and the pairing as the admin's form last saw it.

/** The neighbourhood, when the actor is an admin of its district. */
export async function openNeighborhood(
	db: DB,
	actor: PairingActor,
	neighborhoodId: number
): Promise<NeighborhoodRecord | null> {
	if (actor.role !== 'admin') return null;
	return findNeighborhoodInScope(db, districtScope(actor.districtIds), neighborhoodId);
}

/** The school year, unless it does not exist or has ended. */
export async function openYear(
	db: DB,
	id: number,
	now: Date
): Promise<SchoolYearChoice | PairingRefusal> {
	const year = await findSchoolYearById(db, id);
	if (!year) return { error: 'not_found' };
	return isSchoolYearClosed(year, todayInTehran(now))
		? { error: 'year_closed', year: year.label }
		: year;
}

export interface PairingEdit {
	neighborhoodId: number;
	pairingId: number;
	version: number;
	reason: string;
}

/** The pairing being edited, as the form saw it; anything else is a stale form. */
export async function editedPairing(
	db: DB,
	actor: PairingActor,
	input: PairingEdit,
	now: Date
): Promise<
	| { neighborhood: NeighborhoodRecord; pairing: PairingRecord; year: SchoolYearChoice }
	| PairingRefusal
> {
	const neighborhood = await openNeighborhood(db, actor, input.neighborhoodId);
	if (!neighborhood) return { error: 'not_found' };
	const pairing = await findPairingById(db, input.pairingId);
	if (!pairing || pairing.neighborhood_id !== neighborhood.id || pairing.version !== input.version)
		return { error: 'stale' };
	const year = await openYear(db, pairing.school_year_id, now);
	if ('error' in year) return year;
	if (!input.reason.trim()) return { error: 'reason_required' };
	return { neighborhood, pairing, year };
}
