import { randomBytes } from 'node:crypto';
import type { DB } from '../db/connect.ts';
import { recordAudit } from '../audit/repository.ts';
import { hashFeedToken } from './repository.ts';
import { inTransaction } from '../db/transaction.ts';

// A user makes, remakes or revokes their own feed address. One row per user: making a new
// address overwrites the hash, so the old address stops working at once. The audit entry never
// holds the token.

export interface FeedActor {
	id: number;
	ip: string | null;
}

/** Where the feed of `token` is served (src/routes/calendar/feed/[token].ics). */
export function calendarFeedPath(token: string): string {
	return `/calendar/feed/${token}.ics`;
}

/** A new secret token (256 bits, URL-safe) for the user's feed, replacing any earlier one. */
export async function createCalendarFeed(
	db: DB,
	actor: FeedActor,
	now = new Date()
): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	const row = { token_hash: hashFeedToken(token), created_at: now.toISOString() };
	await inTransaction(db, async (trx) => {
		const earlier = await trx
			.selectFrom('calendar_feeds')
			.select('created_at')
			.where('user_id', '=', actor.id)
			.executeTakeFirst();
		await trx
			.insertInto('calendar_feeds')
			.values({ user_id: actor.id, ...row })
			.onConflict((oc) => oc.column('user_id').doUpdateSet(row))
			.execute();
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'calendar_feed_created',
				entityType: 'user',
				entityId: actor.id,
				before: earlier,
				after: { created_at: row.created_at }
			},
			now
		);
	});
	return token;
}

/** Ends the user's feed address; false when they had none (nothing is audited then). */
export async function revokeCalendarFeed(
	db: DB,
	actor: FeedActor,
	now = new Date()
): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		const result = await trx
			.deleteFrom('calendar_feeds')
			.where('user_id', '=', actor.id)
			.executeTakeFirst();
		if (!Number(result.numDeletedRows)) return false;
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'calendar_feed_revoked',
				entityType: 'user',
				entityId: actor.id
			},
			now
		);
		return true;
	});
}
