import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DB } from '../db/connect.ts';
import type { User } from '../db/schema.ts';
import { authConfig } from './config.ts';

// Sessions after the Lucia guide: the token is "<id>.<secret>", the database keeps only a
// SHA-256 of the secret, and the comparison takes constant time.

function randomString(): string {
	// 120 bits of randomness, in a cookie-safe alphabet.
	return randomBytes(15).toString('base64url');
}

function hashSecret(secret: string): Uint8Array {
	return new Uint8Array(createHash('sha256').update(secret).digest());
}

export interface NewSession {
	token: string;
	expiresAt: Date;
}

export async function createSession(db: DB, userId: number, now = new Date()): Promise<NewSession> {
	const id = randomString();
	const secret = randomString();
	await db
		.insertInto('user_sessions')
		.values({
			id,
			user_id: userId,
			secret_hash: hashSecret(secret),
			created_at: now.toISOString(),
			last_seen_at: now.toISOString()
		})
		.execute();
	return { token: `${id}.${secret}`, expiresAt: sessionExpiry(now, now) };
}

function sessionExpiry(createdAt: Date, lastSeenAt: Date): Date {
	return new Date(
		Math.min(
			lastSeenAt.getTime() + authConfig.idleTimeoutMs,
			createdAt.getTime() + authConfig.absoluteLifetimeMs
		)
	);
}

export interface ValidSession {
	sessionId: string;
	user: User;
	/** Set when the session was refreshed and the cookie should be renewed. */
	renewedUntil: Date | null;
}

/** The session's user, or null for a token that is malformed, wrong, expired or of an inactive user. */
export async function validateSessionToken(
	db: DB,
	token: string,
	now = new Date()
): Promise<ValidSession | null> {
	const [id, secret, ...rest] = token.split('.');
	if (!id || !secret || rest.length) return null;
	const row = await db
		.selectFrom('user_sessions')
		.innerJoin('users', 'users.id', 'user_sessions.user_id')
		.selectAll('users')
		.select([
			'user_sessions.secret_hash',
			'user_sessions.created_at as session_created_at',
			'user_sessions.last_seen_at'
		])
		.where('user_sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;

	const expected = Buffer.from(row.secret_hash);
	const given = Buffer.from(hashSecret(secret));
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;

	const createdAt = new Date(row.session_created_at);
	const lastSeenAt = new Date(row.last_seen_at);
	if (now >= sessionExpiry(createdAt, lastSeenAt) || !row.active) {
		await invalidateSession(db, id);
		return null;
	}

	let renewedUntil: Date | null = null;
	if (now.getTime() - lastSeenAt.getTime() >= authConfig.refreshIntervalMs) {
		await db
			.updateTable('user_sessions')
			.set({ last_seen_at: now.toISOString() })
			.where('id', '=', id)
			.execute();
		renewedUntil = sessionExpiry(createdAt, now);
	}

	const { secret_hash: _hash, session_created_at: _created, last_seen_at: _seen, ...user } = row;
	return { sessionId: id, user, renewedUntil };
}

export function sessionIdOf(token: string): string {
	return token.split('.')[0] ?? '';
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
	await db.deleteFrom('user_sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, but the one to keep (the user's own, after a password change). */
export async function invalidateUserSessions(db: DB, userId: number, keep?: string): Promise<void> {
	let query = db.deleteFrom('user_sessions').where('user_id', '=', userId);
	if (keep) query = query.where('id', '!=', keep);
	await query.execute();
}
