import type { DB } from '../db/connect.ts';
import type { Topic } from '../db/schema.ts';
import { recordAudit, type AuditAction } from '../audit/repository.ts';
import type { NewTopicInput, TopicInput } from '../../schemas/catalogue.ts';
import { audienceFlags, audienceOf, findTopicByCode, findTopicById } from './repository.ts';
import { inTransaction } from '../db/transaction.ts';

// The topics catalogue is shared by every district; only admins change it.

export interface CatalogueActor {
	id: number;
	ip: string | null;
}

export type TopicChangeResult =
	| { ok: true; id: number }
	| { ok: false; error: 'not_found' | 'stale' }
	| { ok: false; error: 'code_taken'; field: 'code' };

function describeTopic(t: Topic) {
	return {
		code: t.code,
		name_fa: t.name_fa,
		name_en: t.name_en,
		audience: audienceOf(t),
		active: Boolean(t.active)
	};
}

function auditTopic(
	db: DB,
	actor: CatalogueActor,
	action: AuditAction,
	id: number,
	now: Date,
	change: { before?: Topic; after: Topic }
): Promise<void> {
	return recordAudit(
		db,
		{
			actorId: actor.id,
			ip: actor.ip,
			action,
			entityType: 'topic',
			entityId: id,
			before: change.before && describeTopic(change.before),
			after: describeTopic(change.after)
		},
		now
	);
}

export async function createTopic(
	db: DB,
	actor: CatalogueActor,
	input: NewTopicInput,
	now = new Date()
): Promise<TopicChangeResult> {
	return inTransaction(db, async (trx): Promise<TopicChangeResult> => {
		if (await findTopicByCode(trx, input.code))
			return { ok: false, error: 'code_taken', field: 'code' };
		const { id } = await trx
			.insertInto('topics')
			.values({
				code: input.code,
				name_fa: input.name_fa,
				name_en: input.name_en,
				...audienceFlags(input.audience),
				active: 1
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const after = (await findTopicById(trx, id))!;
		await auditTopic(trx, actor, 'record_created', id, now, { after });
		return { ok: true, id };
	});
}

/** Names and audience; refused when someone else saved the topic since `version` was read. */
export async function updateTopic(
	db: DB,
	actor: CatalogueActor,
	id: number,
	version: number,
	input: TopicInput,
	now = new Date()
): Promise<TopicChangeResult> {
	return inTransaction(db, async (trx): Promise<TopicChangeResult> => {
		const before = await findTopicById(trx, id);
		if (!before) return { ok: false, error: 'not_found' };
		const updated = await trx
			.updateTable('topics')
			.set({
				name_fa: input.name_fa,
				name_en: input.name_en,
				...audienceFlags(input.audience),
				version: version + 1
			})
			.where('id', '=', id)
			.where('version', '=', version)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) return { ok: false, error: 'stale' };
		const after = (await findTopicById(trx, id))!;
		await auditTopic(trx, actor, 'record_updated', id, now, { before, after });
		return { ok: true, id };
	});
}

/**
 * Topics are retired, never deleted: sessions and facilitators of past years still name them.
 * Asking for the state the topic is already in changes nothing.
 */
export async function setTopicActive(
	db: DB,
	actor: CatalogueActor,
	id: number,
	version: number,
	active: boolean,
	now = new Date()
): Promise<TopicChangeResult> {
	return inTransaction(db, async (trx): Promise<TopicChangeResult> => {
		const before = await findTopicById(trx, id);
		if (!before) return { ok: false, error: 'not_found' };
		if (before.version !== version) return { ok: false, error: 'stale' };
		if (Boolean(before.active) === active) return { ok: true, id };
		await trx
			.updateTable('topics')
			.set({ active: active ? 1 : 0, version: version + 1 })
			.where('id', '=', id)
			.where('version', '=', version)
			.execute();
		const after = (await findTopicById(trx, id))!;
		const action = active ? 'record_restored' : 'record_retired';
		await auditTopic(trx, actor, action, id, now, { before, after });
		return { ok: true, id };
	});
}
