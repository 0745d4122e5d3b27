import type { Actor } from '../auth/actor.ts';
import type { DB } from '../db/connect.ts';
import type { ClosureKind } from '../db/schema.ts';
import { recordAudit, type AuditAction } from '../audit/repository.ts';
import { centersInDistricts, schoolsInDistricts } from '../directory/in-districts.ts';
import { findSchoolYearById } from '../school-years/repository.ts';
import { fixedHolidaysOfSchoolYear } from './fixed-holidays.ts';
import { findClosureInDistricts, type ClosureRow } from './repository.ts';
import {
	findEventsFlaggedBy,
	flagEventsHitByClosure,
	reviewAttention
} from '../campaigns/attention.ts';
import { inTransaction } from '../db/transaction.ts';

// Admins keep their own districts' closures. Every change is audited in its transaction, in
// which the campaign events on the closure's days are flagged for attention (or, when it moves
// or goes, looked at again).

export interface ClosureInput {
	district_id: number;
	kind: ClosureKind;
	school_id: number | null;
	center_id: number | null;
	/** 'YYYY-MM-DD', inclusive. */
	starts_on: string;
	ends_on: string;
	name_fa: string;
	/** Empty means the same as the Persian name. */
	name_en: string;
}

export type ClosureField = 'district_id' | 'school_id' | 'center_id' | 'starts_on' | 'ends_on';
export type ClosureProblem =
	| 'scope_outside'
	| 'school_required'
	| 'school_not_allowed'
	| 'school_outside'
	| 'center_required'
	| 'center_not_allowed'
	| 'center_outside'
	| 'date_invalid'
	| 'date_order';

export type ClosureChangeResult =
	| { ok: true; id: number }
	| { ok: false; error: 'not_found' | 'stale' }
	| { ok: false; error: ClosureProblem; field: ClosureField };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

async function findProblem(
	db: DB,
	actor: Actor,
	input: ClosureInput
): Promise<Exclude<ClosureChangeResult, { ok: true }> | null> {
	const refuse = (error: ClosureProblem, field: ClosureField) => ({
		ok: false as const,
		error,
		field
	});
	if (!actor.districtIds.includes(input.district_id)) return refuse('scope_outside', 'district_id');
	const forSchool = input.kind === 'school';
	const forCenter = input.kind === 'center';
	if (forSchool && !input.school_id) return refuse('school_required', 'school_id');
	if (!forSchool && input.school_id) return refuse('school_not_allowed', 'school_id');
	if (forCenter && !input.center_id) return refuse('center_required', 'center_id');
	if (!forCenter && input.center_id) return refuse('center_not_allowed', 'center_id');
	if (input.school_id) {
		const school = await schoolsInDistricts(db, [input.district_id])
			.select('schools.id')
			.where('schools.id', '=', input.school_id)
			.executeTakeFirst();
		if (!school) return refuse('school_outside', 'school_id');
	}
	if (input.center_id) {
		const center = await centersInDistricts(db, [input.district_id])
			.select('centers.id')
			.where('centers.id', '=', input.center_id)
			.executeTakeFirst();
		if (!center) return refuse('center_outside', 'center_id');
	}
	if (!isoDate.test(input.starts_on)) return refuse('date_invalid', 'starts_on');
	if (!isoDate.test(input.ends_on)) return refuse('date_invalid', 'ends_on');
	if (input.ends_on < input.starts_on) return refuse('date_order', 'ends_on');
	return null;
}

function columnsOf(input: ClosureInput) {
	const name_fa = input.name_fa.trim();
	return {
		district_id: input.district_id,
		kind: input.kind,
		school_id: input.kind === 'school' ? input.school_id : null,
		center_id: input.kind === 'center' ? input.center_id : null,
		starts_on: input.starts_on,
		ends_on: input.ends_on,
		name_fa,
		name_en: input.name_en.trim() || name_fa
	};
}

function describe(c: ClosureRow) {
	const { id: _id, created_at: _at, version: _v, school_name: _s, center_name: _c, ...rest } = c;
	return rest;
}

async function audit(
	db: DB,
	actor: Actor,
	action: AuditAction,
	id: number,
	before: ClosureRow | null,
	after: ClosureRow | null,
	now: Date
): Promise<void> {
	await recordAudit(
		db,
		{
			actorId: actor.id,
			ip: actor.ip,
			action,
			entityType: 'closure',
			entityId: id,
			before: before && describe(before),
			after: after && describe(after)
		},
		now
	);
}

export async function createClosure(
	db: DB,
	actor: Actor,
	input: ClosureInput,
	now = new Date()
): Promise<ClosureChangeResult> {
	return inTransaction(db, async (trx): Promise<ClosureChangeResult> => {
		const problem = await findProblem(trx, actor, input);
		if (problem) return problem;
		const { id } = await trx
			.insertInto('closures')
			.values({ ...columnsOf(input), created_at: now.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const after = await findClosureInDistricts(trx, id, actor.districtIds);
		await audit(trx, actor, 'record_created', id, null, after, now);
		await flagEventsHitByClosure(trx, id, now);
		return { ok: true, id };
	});
}

/** Refused when someone else saved the closure since `version` was read. */
export async function updateClosure(
	db: DB,
	actor: Actor,
	id: number,
	version: number,
	input: ClosureInput,
	now = new Date()
): Promise<ClosureChangeResult> {
	return inTransaction(db, async (trx): Promise<ClosureChangeResult> => {
		const before = await findClosureInDistricts(trx, id, actor.districtIds);
		if (!before) return { ok: false, error: 'not_found' };
		const problem = await findProblem(trx, actor, input);
		if (problem) return problem;
		const updated = await trx
			.updateTable('closures')
			.set({ ...columnsOf(input), version: version + 1 })
			.where('id', '=', id)
			.where('version', '=', version)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) return { ok: false, error: 'stale' };
		const after = await findClosureInDistricts(trx, id, actor.districtIds);
		await audit(trx, actor, 'record_updated', id, before, after, now);
		await reviewAttention(trx, await findEventsFlaggedBy(trx, id), now);
		await flagEventsHitByClosure(trx, id, now);
		return { ok: true, id };
	});
}

/** Closures are removed outright (nothing refers to them); the audit entry keeps what it was. */
export async function deleteClosure(
	db: DB,
	actor: Actor,
	id: number,
	version: number,
	now = new Date()
): Promise<ClosureChangeResult> {
	return inTransaction(db, async (trx): Promise<ClosureChangeResult> => {
		const before = await findClosureInDistricts(trx, id, actor.districtIds);
		if (!before) return { ok: false, error: 'not_found' };
		const flagged = await findEventsFlaggedBy(trx, id);
		const deleted = await trx
			.deleteFrom('closures')
			.where('id', '=', id)
			.where('version', '=', version)
			.executeTakeFirst();
		if (Number(deleted.numDeletedRows) === 0) return { ok: false, error: 'stale' };
		await audit(trx, actor, 'record_retired', id, before, null, now);
		await reviewAttention(trx, flagged, now);
		return { ok: true, id };
	});
}

export type GenerateResult =
	{ ok: true; added: number } | { ok: false; error: 'not_found' | 'scope_outside' };

/** Adds the fixed Solar Hijri holidays of a school year that the district does not have yet. */
export async function generateFixedHolidays(
	db: DB,
	actor: Actor,
	districtId: number,
	schoolYearId: number,
	now = new Date()
): Promise<GenerateResult> {
	if (!actor.districtIds.includes(districtId)) return { ok: false, error: 'scope_outside' };
	return inTransaction(db, async (trx): Promise<GenerateResult> => {
		const year = await findSchoolYearById(trx, schoolYearId);
		if (!year) return { ok: false, error: 'not_found' };
		let added = 0;
		for (const holiday of fixedHolidaysOfSchoolYear(year.starts_on)) {
			const existing = await trx
				.selectFrom('closures')
				.select('id')
				.where('district_id', '=', districtId)
				.where('kind', '=', 'holiday')
				.where('starts_on', '=', holiday.starts_on)
				.where('ends_on', '=', holiday.ends_on)
				.executeTakeFirst();
			if (existing) continue;
			const { id } = await trx
				.insertInto('closures')
				.values({
					...holiday,
					district_id: districtId,
					kind: 'holiday',
					created_at: now.toISOString()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const after = await findClosureInDistricts(trx, id, actor.districtIds);
			await audit(trx, actor, 'record_created', id, null, after, now);
			await flagEventsHitByClosure(trx, id, now);
			added += 1;
		}
		return { ok: true, added };
	});
}
