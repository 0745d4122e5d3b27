import type { DB } from '../db/connect.ts';
import { recordAudit } from '../audit/repository.ts';
import type { SchoolInput } from '../../schemas/schools.ts';
import type { Actor } from '../auth/actor.ts';
import { recordFromInput, sameRecord, type SchoolRecord } from './record.ts';
import { isNeighborhoodInDistricts } from './places.ts';
import {
	findStoredSchool,
	findStoredSchoolsByCode,
	insertSchoolRecord,
	updateSchoolRecord
} from './store.ts';
import { inTransaction } from '../db/transaction.ts';
import { isUniqueViolation } from '../db/dialect.ts';

// What admins do to the schools of their districts, one school at a time.

export type SchoolChangeResult =
	| { ok: true; id: number }
	| { ok: false; error: 'not_found' | 'stale' }
	| { ok: false; error: 'ministry_code_taken'; field: 'ministry_code' }
	| { ok: false; error: 'neighborhood_outside'; field: 'neighborhood_id' };

type FieldRefusal = Extract<SchoolChangeResult, { field: string }>;

async function findRefusal(
	db: DB,
	actor: Actor,
	record: SchoolRecord,
	schoolId: number | null
): Promise<FieldRefusal | null> {
	if (!(await isNeighborhoodInDistricts(db, record.neighborhood_id, actor.districtIds)))
		return { ok: false, error: 'neighborhood_outside', field: 'neighborhood_id' };
	const sameCode = (await findStoredSchoolsByCode(db, [record.ministry_code])).get(
		record.ministry_code
	);
	if (sameCode && sameCode.id !== schoolId)
		return { ok: false, error: 'ministry_code_taken', field: 'ministry_code' };
	return null;
}

// Two admins saving the same new code at once: the unique index refuses the second.
const codeTaken: FieldRefusal = { ok: false, error: 'ministry_code_taken', field: 'ministry_code' };

export async function createSchool(
	db: DB,
	actor: Actor,
	input: SchoolInput,
	now = new Date()
): Promise<SchoolChangeResult> {
	const record = recordFromInput(input);
	const refusal = await findRefusal(db, actor, record, null);
	if (refusal) return refusal;
	try {
		const id = await inTransaction(db, async (trx) => {
			const id = await insertSchoolRecord(trx, record);
			await recordAudit(
				trx,
				{
					actorId: actor.id,
					ip: actor.ip,
					action: 'record_created',
					entityType: 'school',
					entityId: id,
					after: record
				},
				now
			);
			return id;
		});
		return { ok: true, id };
	} catch (e) {
		if (isUniqueViolation(e)) return codeTaken;
		throw e;
	}
}

/** Refused when someone else saved the school since `version` was read; no change, no entry. */
export async function updateSchool(
	db: DB,
	actor: Actor,
	schoolId: number,
	version: number,
	input: SchoolInput,
	now = new Date()
): Promise<SchoolChangeResult> {
	const stored = await findStoredSchool(db, schoolId);
	if (!stored || !actor.districtIds.includes(stored.districtId))
		return { ok: false, error: 'not_found' };
	const record = recordFromInput(input);
	const refusal = await findRefusal(db, actor, record, schoolId);
	if (refusal) return refusal;
	try {
		return await inTransaction(db, async (trx): Promise<SchoolChangeResult> => {
			const before = await findStoredSchool(trx, schoolId);
			if (!before) return { ok: false, error: 'not_found' };
			if (before.version !== version) return { ok: false, error: 'stale' };
			if (sameRecord(before.record, record)) return { ok: true, id: schoolId };
			if (!(await updateSchoolRecord(trx, schoolId, version, record)))
				return { ok: false, error: 'stale' };
			await recordAudit(
				trx,
				{
					actorId: actor.id,
					ip: actor.ip,
					action: 'record_updated',
					entityType: 'school',
					entityId: schoolId,
					before: before.record,
					after: record
				},
				now
			);
			return { ok: true, id: schoolId };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return codeTaken;
		throw e;
	}
}
