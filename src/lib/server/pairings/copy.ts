import type { DB } from '../db/connect.ts';
import { todayInTehran } from '../../i18n/jalali.ts';
import { auditPairingChange, type PairingActor } from './audit.ts';
import { findPairingOfSchool, type Names } from './records.ts';
import { findPreviousSchoolYear, findSchoolYearById, isSchoolYearClosed } from './school-years.ts';
import { inTransaction } from '../db/transaction.ts';

// "Copy last year's pairings": the previous school year's pairings, for the neighbourhoods still
// unpaired in the chosen year, skipping any whose school is already paired with another.

interface YearPairing {
	neighborhood: Names & { id: number };
	school: { id: number; name: string };
}

export interface SkippedPairing extends YearPairing {
	/** The neighbourhood the school is paired with in the chosen year. */
	pairedWith: Names & { id: number };
}

export type CopyResult =
	| {
			ok: true;
			from: { id: number; label: string };
			copied: YearPairing[];
			skipped: SkippedPairing[];
			/** Neighbourhoods of last year's pairings that already have a school this year. */
			alreadyPaired: number;
	  }
	| { ok: false; error: 'not_found' }
	| { ok: false; error: 'no_previous_year' }
	| { ok: false; error: 'year_closed'; year: string };

/** A year's pairings, of neighbourhoods and schools in `districtIds`, by area then name. */
async function findPairingsOfYear(
	db: DB,
	schoolYearId: number,
	districtIds: number[]
): Promise<YearPairing[]> {
	const rows = await db
		.selectFrom('pairings')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'pairings.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.innerJoin('schools', 'schools.id', 'pairings.school_id')
		.select([
			'neighborhoods.id as neighborhood_id',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'schools.id as school_id',
			'schools.name as school_name'
		])
		.where('pairings.school_year_id', '=', schoolYearId)
		.where('areas.district_id', 'in', districtIds.length ? districtIds : [-1])
		.orderBy('areas.number')
		.orderBy('neighborhoods.name_fa')
		.execute();
	return rows.map((r) => ({
		neighborhood: { id: r.neighborhood_id, name_fa: r.name_fa, name_en: r.name_en },
		school: { id: r.school_id, name: r.school_name }
	}));
}

export async function copyPreviousYearPairings(
	db: DB,
	actor: PairingActor,
	schoolYearId: number,
	now = new Date()
): Promise<CopyResult> {
	const year = actor.role === 'admin' ? await findSchoolYearById(db, schoolYearId) : null;
	if (!year) return { ok: false, error: 'not_found' };
	if (isSchoolYearClosed(year, todayInTehran(now)))
		return { ok: false, error: 'year_closed', year: year.label };
	const from = await findPreviousSchoolYear(db, year);
	if (!from) return { ok: false, error: 'no_previous_year' };

	return inTransaction(db, async (trx) => {
		const candidates = await findPairingsOfYear(trx, from.id, actor.districtIds);
		const existing = await findPairingsOfYear(trx, year.id, actor.districtIds);
		const pairedNeighborhoods = new Set(existing.map((p) => p.neighborhood.id));
		const schoolOwners = new Map(existing.map((p) => [p.school.id, p.neighborhood]));
		const copied: (YearPairing & { pairingId: number })[] = [];
		const skipped: SkippedPairing[] = [];
		let alreadyPaired = 0;
		for (const candidate of candidates) {
			if (pairedNeighborhoods.has(candidate.neighborhood.id)) {
				alreadyPaired += 1;
				continue;
			}
			const owner = schoolOwners.get(candidate.school.id);
			if (owner) {
				skipped.push({ ...candidate, pairedWith: owner });
				continue;
			}
			// The unique indexes still decide if another admin is pairing at this moment.
			const inserted = await trx
				.insertInto('pairings')
				.values({
					school_year_id: year.id,
					neighborhood_id: candidate.neighborhood.id,
					school_id: candidate.school.id,
					created_at: now.toISOString()
				})
				.onConflict((oc) => oc.doNothing())
				.returning('id')
				.executeTakeFirst();
			if (inserted) {
				copied.push({ ...candidate, pairingId: inserted.id });
				continue;
			}
			const taken = await findPairingOfSchool(trx, year.id, candidate.school.id);
			if (taken && taken.neighborhood_id !== candidate.neighborhood.id)
				skipped.push({
					...candidate,
					pairedWith: { id: taken.neighborhood_id, ...taken.neighborhood }
				});
			else alreadyPaired += 1;
		}
		if (copied.length) {
			await auditPairingChange(trx, actor, 'pairings_copied', null, now, {
				after: {
					school_year_id: year.id,
					school_year: year.label,
					from_school_year_id: from.id,
					from_school_year: from.label,
					copied: copied.map((p) => ({
						pairing_id: p.pairingId,
						neighborhood_id: p.neighborhood.id,
						neighborhood: p.neighborhood.name_fa,
						school_id: p.school.id,
						school: p.school.name
					})),
					skipped: skipped.map((p) => ({
						neighborhood_id: p.neighborhood.id,
						neighborhood: p.neighborhood.name_fa,
						school_id: p.school.id,
						school: p.school.name,
						paired_with: p.pairedWith.name_fa
					}))
				}
			});
		}
		return {
			ok: true as const,
			from: { id: from.id, label: from.label },
			copied: copied.map(({ neighborhood, school }) => ({ neighborhood, school })),
			skipped,
			alreadyPaired
		};
	});
}
