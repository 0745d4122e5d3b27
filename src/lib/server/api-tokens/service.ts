import { randomBytes } from 'node:crypto';
import type { DB } from '../db/connect.ts';
import { recordAudit } from '../audit/repository.ts';
import { hashApiToken } from './repository.ts';
import { inTransaction } from '../db/transaction.ts';

// A liaison or admin makes and revokes their own tokens. The token is returned once, to be shown
// once; the audit entry names the token, never its value.

export interface TokenActor {
	id: number;
	ip: string | null;
}

/** A new token (256 bits, URL-safe, with a prefix that secret scanners recognise). */
export async function createApiToken(
	db: DB,
	actor: TokenActor,
	name: string,
	now = new Date()
): Promise<{ id: number; token: string }> {
	const token = `pbk_${randomBytes(32).toString('base64url')}`;
	return inTransaction(db, async (trx) => {
		const { id } = await trx
			.insertInto('api_tokens')
			.values({
				user_id: actor.id,
				name,
				token_hash: hashApiToken(token),
				created_at: now.toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'api_token_created',
				entityType: 'api_token',
				entityId: id,
				subject: name
			},
			now
		);
		return { id, token };
	});
}

/** Revokes one of the actor's own live tokens; null when they have no such token. */
export async function revokeApiToken(
	db: DB,
	actor: TokenActor,
	tokenId: number,
	now = new Date()
): Promise<{ name: string } | null> {
	return inTransaction(db, async (trx) => {
		const revoked = await trx
			.updateTable('api_tokens')
			.set({ revoked_at: now.toISOString() })
			.where('id', '=', tokenId)
			.where('user_id', '=', actor.id)
			.where('revoked_at', 'is', null)
			.returning('name')
			.executeTakeFirst();
		if (!revoked) return null;
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'api_token_revoked',
				entityType: 'api_token',
				entityId: tokenId,
				subject: revoked.name
			},
			now
		);
		return revoked;
	});
}
