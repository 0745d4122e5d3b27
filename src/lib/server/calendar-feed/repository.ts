import { createHash } from 'node:crypto';
import type { DB } from '../db/connect.ts';
import type { Locale, Role } from '../db/schema.ts';
import { findUserScope, type UserScope } from '../users/repository.ts';

// Calendar feeds are found by the SHA-256 of their token: the database never holds the token, so
// a leaked copy of it gives no working address.

export function hashFeedToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Whom a feed belongs to: enough to read their sessions in scope and in their language. */
export interface FeedOwner {
	id: number;
	role: Role;
	locale: Locale;
	scope: UserScope;
}

/** The active user whose feed has this token; null for an unknown, replaced or revoked token. */
export async function findFeedOwner(db: DB, token: string): Promise<FeedOwner | null> {
	const user = await db
		.selectFrom('calendar_feeds')
		.innerJoin('users', 'users.id', 'calendar_feeds.user_id')
		.select(['users.id', 'users.role', 'users.locale', 'users.school_id'])
		.where('calendar_feeds.token_hash', '=', hashFeedToken(token))
		.where('users.active', '=', 1)
		.executeTakeFirst();
	if (!user) return null;
	return {
		id: user.id,
		role: user.role,
		locale: user.locale,
		scope: await findUserScope(db, user)
	};
}

/** When the user's current feed address was made, or null when they have none. */
export async function findCalendarFeedCreatedAt(db: DB, userId: number): Promise<string | null> {
	const feed = await db
		.selectFrom('calendar_feeds')
		.select('created_at')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return feed?.created_at ?? null;
}
