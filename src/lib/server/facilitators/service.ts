import type { Actor } from '../auth/actor.ts';
import type { DB } from '../db/connect.ts';
import { recordAudit, type AuditAction } from '../audit/repository.ts';
import { listTopicOptions } from '../topics/repository.ts';
import { facilitatorSearchKey } from '../../search/keys.ts';
import { normalizePhone, type FacilitatorInput } from '../../schemas/catalogue.ts';
import { findFacilitatorInDistricts, type FacilitatorDetails } from './repository.ts';
import { inTransaction } from '../db/transaction.ts';

// Admins keep their own districts' facilitators; everyone else only reads them.

export type FacilitatorChangeResult =
	| { ok: true; id: number }
	| { ok: false; error: 'not_found' | 'stale' }
	| { ok: false; error: 'scope_outside'; field: 'district_id' }
	| { ok: false; error: 'topic_unavailable'; field: 'topic_ids' };

function describeFacilitator(f: FacilitatorDetails) {
	return {
		district_id: f.district_id,
		name: f.name,
		organization: f.organization,
		phone: f.phone,
		active: Boolean(f.active),
		topic_ids: f.topics.map((t) => t.id).sort((a, b) => a - b)
	};
}

/** The checks a write must pass; `keepTopicIds` are topics the facilitator already has. */
async function findProblem(
	db: DB,
	actor: Actor,
	input: FacilitatorInput,
	keepTopicIds: number[] = []
): Promise<FacilitatorChangeResult | null> {
	if (!input.district_id || !actor.districtIds.includes(input.district_id))
		return { ok: false, error: 'scope_outside', field: 'district_id' };
	const offered = new Set((await listTopicOptions(db, keepTopicIds)).map((t) => t.id));
	if (input.topic_ids.some((id) => !offered.has(id)))
		return { ok: false, error: 'topic_unavailable', field: 'topic_ids' };
	return null;
}

function columnsOf(input: FacilitatorInput & { district_id: number }) {
	return {
		district_id: input.district_id,
		name: input.name,
		name_search: facilitatorSearchKey(input),
		organization: input.organization,
		phone: input.phone ? normalizePhone(input.phone) : null,
		active: input.active ? 1 : 0
	};
}

async function writeTopics(db: DB, id: number, topicIds: number[]): Promise<void> {
	await db.deleteFrom('facilitator_topics').where('facilitator_id', '=', id).execute();
	const unique = [...new Set(topicIds)];
	if (unique.length)
		await db
			.insertInto('facilitator_topics')
			.values(unique.map((topic_id) => ({ facilitator_id: id, topic_id })))
			.execute();
}

async function audit(
	db: DB,
	actor: Actor,
	action: AuditAction,
	id: number,
	now: Date,
	before: FacilitatorDetails | null
): Promise<void> {
	const after = (await findFacilitatorInDistricts(db, id, actor.districtIds))!;
	await recordAudit(
		db,
		{
			actorId: actor.id,
			ip: actor.ip,
			action,
			entityType: 'facilitator',
			entityId: id,
			before: before && describeFacilitator(before),
			after: describeFacilitator(after)
		},
		now
	);
}

export async function createFacilitator(
	db: DB,
	actor: Actor,
	input: FacilitatorInput,
	now = new Date()
): Promise<FacilitatorChangeResult> {
	return inTransaction(db, async (trx): Promise<FacilitatorChangeResult> => {
		const problem = await findProblem(trx, actor, input);
		if (problem) return problem;
		const { id } = await trx
			.insertInto('facilitators')
			.values(columnsOf({ ...input, district_id: input.district_id! }))
			.returning('id')
			.executeTakeFirstOrThrow();
		await writeTopics(trx, id, input.topic_ids);
		await audit(trx, actor, 'record_created', id, now, null);
		return { ok: true, id };
	});
}

/** Refused when someone else saved the facilitator since `version` was read. */
export async function updateFacilitator(
	db: DB,
	actor: Actor,
	id: number,
	version: number,
	input: FacilitatorInput,
	now = new Date()
): Promise<FacilitatorChangeResult> {
	return inTransaction(db, async (trx): Promise<FacilitatorChangeResult> => {
		const before = await findFacilitatorInDistricts(trx, id, actor.districtIds);
		if (!before) return { ok: false, error: 'not_found' };
		const keep = before.topics.map((t) => t.id);
		const problem = await findProblem(trx, actor, input, keep);
		if (problem) return problem;
		const updated = await trx
			.updateTable('facilitators')
			.set({ ...columnsOf({ ...input, district_id: input.district_id! }), version: version + 1 })
			.where('id', '=', id)
			.where('version', '=', version)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) return { ok: false, error: 'stale' };
		await writeTopics(trx, id, input.topic_ids);
		await audit(trx, actor, 'record_updated', id, now, before);
		return { ok: true, id };
	});
}
