import type { DB } from '../db/connect.ts';
import { editedPairing, openNeighborhood, openYear, type PairingEdit } from './access.ts';
import { auditPairingChange, type PairingActor } from './audit.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import { findSchoolInDistrict, type Names } from './records.ts';
import {
	describePairing,
	findPairRefusal,
	findSchoolRefusal,
	names,
	type PairingRefusal
} from './rules.ts';
import { inTransaction } from '../db/transaction.ts';

// What admins do to the pairings of their districts: pair, change the school, unpair.

export type { PairingActor } from './audit.ts';
export type { PairingRefusal } from './rules.ts';

export type PairingResult =
	| { ok: true; pairingId: number; neighborhood: Names; school: string; otherArea: boolean }
	| ({ ok: false } & PairingRefusal);

const refuse = (refusal: PairingRefusal): PairingResult => ({ ok: false, ...refusal });

export interface PairInput {
	schoolYearId: number;
	neighborhoodId: number;
	schoolId: number;
	confirmOtherArea: boolean;
}

export async function pairNeighborhood(
	db: DB,
	actor: PairingActor,
	input: PairInput,
	now = new Date()
): Promise<PairingResult> {
	const neighborhood = await openNeighborhood(db, actor, input.neighborhoodId);
	if (!neighborhood) return refuse({ error: 'not_found' });
	const year = await openYear(db, input.schoolYearId, now);
	if ('error' in year) return refuse(year);
	const school = await findSchoolInDistrict(db, neighborhood.district_id, input.schoolId);
	if (!school) return refuse({ error: 'school_not_in_district' });
	const refusal = await findPairRefusal(db, year, neighborhood, school, input.confirmOtherArea);
	if (refusal) return refuse(refusal);

	const after = describePairing(year, neighborhood, school);
	try {
		const pairingId = await inTransaction(db, async (trx) => {
			const { id } = await trx
				.insertInto('pairings')
				.values({
					school_year_id: year.id,
					neighborhood_id: neighborhood.id,
					school_id: school.id,
					created_at: now.toISOString()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await auditPairingChange(trx, actor, 'pairing_created', id, now, { after });
			return id;
		});
		const otherArea = Boolean(after.other_area);
		return {
			ok: true,
			pairingId,
			neighborhood: names(neighborhood),
			school: school.name,
			otherArea
		};
	} catch (error) {
		// Another admin paired the neighbourhood or the school first: say which, as above.
		if (!isUniqueViolation(error)) throw error;
		return refuse(
			(await findPairRefusal(db, year, neighborhood, school, true)) ?? { error: 'stale' }
		);
	}
}

export async function changePairingSchool(
	db: DB,
	actor: PairingActor,
	input: PairingEdit & { schoolId: number; confirmOtherArea: boolean },
	now = new Date()
): Promise<PairingResult> {
	const edit = await editedPairing(db, actor, input, now);
	if ('error' in edit) return refuse(edit);
	const { neighborhood, pairing, year } = edit;
	const school = await findSchoolInDistrict(db, neighborhood.district_id, input.schoolId);
	if (!school) return refuse({ error: 'school_not_in_district' });
	if (school.id === pairing.school_id) return refuse({ error: 'same_school' });
	const options = { ownPairingId: pairing.id, confirmOtherArea: input.confirmOtherArea };
	const refusal = await findSchoolRefusal(db, year, neighborhood, school, options);
	if (refusal) return refuse(refusal);

	const before = describePairing(year, neighborhood, {
		id: pairing.school_id,
		name: pairing.school_name
	});
	const after = describePairing(year, neighborhood, school);
	try {
		const changed = await inTransaction(db, async (trx) => {
			const updated = await trx
				.updateTable('pairings')
				.set({ school_id: school.id, version: input.version + 1 })
				.where('id', '=', pairing.id)
				.where('version', '=', input.version)
				.executeTakeFirst();
			if (Number(updated.numUpdatedRows) === 0) return false;
			const reason = input.reason.trim();
			await auditPairingChange(trx, actor, 'pairing_changed', pairing.id, now, {
				before,
				after,
				reason
			});
			return true;
		});
		if (!changed) return refuse({ error: 'stale' });
		const otherArea = Boolean(after.other_area);
		return {
			ok: true,
			pairingId: pairing.id,
			neighborhood: names(neighborhood),
			school: school.name,
			otherArea
		};
	} catch (error) {
		if (!isUniqueViolation(error)) throw error;
		const again = { ...options, confirmOtherArea: true };
		return refuse(
			(await findSchoolRefusal(db, year, neighborhood, school, again)) ?? { error: 'stale' }
		);
	}
}

export async function removePairing(
	db: DB,
	actor: PairingActor,
	input: PairingEdit,
	now = new Date()
): Promise<PairingResult> {
	const edit = await editedPairing(db, actor, input, now);
	if ('error' in edit) return refuse(edit);
	const { neighborhood, pairing, year } = edit;
	const before = describePairing(year, neighborhood, {
		id: pairing.school_id,
		name: pairing.school_name
	});
	const removed = await inTransaction(db, async (trx) => {
		const deleted = await trx
			.deleteFrom('pairings')
			.where('id', '=', pairing.id)
			.where('version', '=', input.version)
			.executeTakeFirst();
		if (Number(deleted.numDeletedRows) === 0) return false;
		const reason = input.reason.trim();
		await auditPairingChange(trx, actor, 'pairing_removed', pairing.id, now, { before, reason });
		return true;
	});
	if (!removed) return refuse({ error: 'stale' });
	return {
		ok: true,
		pairingId: pairing.id,
		neighborhood: names(neighborhood),
		school: pairing.school_name,
		otherArea: false
	};
}
