import { createHash } from 'node:crypto';
import type { DB } from '../db/connect.ts';
import type { ApiToken, Locale, Role } from '../db/schema.ts';
import { findUserScope, type UserScope } from '../users/repository.ts';

// API tokens are found by the SHA-256 of the token: the database never holds a working token.

/** Who may hold API tokens: the people coverage is read for. */
export const apiTokenRoles: readonly Role[] = ['liaison', 'admin'];

export function hashApiToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Whom a request with a token acts for: their role and scope decide what it reads. */
export interface ApiUser {
	id: number;
	role: Role;
	locale: Locale;
	scope: UserScope;
}

/**
 * The active liaison or admin whose live token this is, noting its use; null for an unknown or
 * revoked token, or one whose owner was deactivated or no longer has such a role.
 */
export async function findApiTokenUser(
	db: DB,
	token: string,
	now = new Date()
): Promise<ApiUser | null> {
	const found = await db
		.selectFrom('api_tokens')
		.innerJoin('users', 'users.id', 'api_tokens.user_id')
		.select([
			'api_tokens.id as tokenId',
			'users.id',
			'users.role',
			'users.locale',
			'users.school_id'
		])
		.where('api_tokens.token_hash', '=', hashApiToken(token))
		.where('api_tokens.revoked_at', 'is', null)
		.where('users.active', '=', 1)
		.where('users.role', 'in', apiTokenRoles)
		.executeTakeFirst();
	if (!found) return null;
	await db
		.updateTable('api_tokens')
		.set({ last_used_at: now.toISOString() })
		.where('id', '=', found.tokenId)
		.execute();
	return {
		id: found.id,
		role: found.role,
		locale: found.locale,
		scope: await findUserScope(db, found)
	};
}

export type ApiTokenListing = Pick<ApiToken, 'id' | 'name' | 'created_at' | 'last_used_at'>;

/** The user's tokens that still work, newest first. */
export async function listActiveApiTokens(db: DB, userId: number): Promise<ApiTokenListing[]> {
	return db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'created_at', 'last_used_at'])
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
}
