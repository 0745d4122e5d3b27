import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { authConfig } from '../../../src/lib/server/auth/config.ts';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	sessionIdOf,
	validateSessionToken
} from '../../../src/lib/server/auth/session.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { insertUser, sessionIdsOf } from '../users/fixtures.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = new Date('2026-11-26T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('session configuration', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
	});

	it('defaults to 12 hours idle, 7 days absolute, a 5-minute refresh and a 15-minute throttle', () => {
		expect(authConfig.idleTimeoutMs).toBe(12 * HOUR);
		expect(authConfig.absoluteLifetimeMs).toBe(7 * DAY);
		expect(authConfig.refreshIntervalMs).toBe(5 * MINUTE);
		expect(authConfig.throttleWindowMs).toBe(15 * MINUTE);
		expect(authConfig.maxFailuresPerAccount).toBe(5);
		expect(authConfig.maxFailuresPerIp).toBe(30);
	});

	it('takes the session hours from the environment and ignores invalid values', async () => {
		vi.stubEnv('SESSION_IDLE_HOURS', '2');
		vi.stubEnv('SESSION_MAX_HOURS', '48');
		vi.resetModules();
		const custom = (await import('../../../src/lib/server/auth/config.ts')).authConfig;
		expect(custom.idleTimeoutMs).toBe(2 * HOUR);
		expect(custom.absoluteLifetimeMs).toBe(48 * HOUR);

		vi.stubEnv('SESSION_IDLE_HOURS', 'twelve');
		vi.stubEnv('SESSION_MAX_HOURS', '-5');
		vi.resetModules();
		const fallback = (await import('../../../src/lib/server/auth/config.ts')).authConfig;
		expect(fallback.idleTimeoutMs).toBe(12 * HOUR);
		expect(fallback.absoluteLifetimeMs).toBe(7 * DAY);
	});
});

describe('sessions', () => {
	let db: DB;
	let userId: number;
	let otherUserId: number;
	let emailCount = 0;

	/** A fresh active user, so tests that end or deactivate sessions do not disturb each other. */
	async function newUser(): Promise<number> {
		emailCount += 1;
		return insertUser(db, { email: `session-${emailCount}@test.test`, passwordHash: 'unused' });
	}

	async function lastSeen(sessionId: string): Promise<string | undefined> {
		const row = await db
			.selectFrom('user_sessions')
			.select('last_seen_at')
			.where('id', '=', sessionId)
			.executeTakeFirst();
		return row?.last_seen_at;
	}

	beforeAll(async () => {
		db = await createTestDb();
		userId = await newUser();
		otherUserId = await newUser();
	});

	it('creates "<id>.<secret>" and stores only a SHA-256 of the secret', async () => {
		const { token, expiresAt } = await createSession(db, userId, T0);
		const [id, secret] = token.split('.');
		expect(token.split('.')).toHaveLength(2);
		expect(id).toMatch(/^[A-Za-z0-9_-]{20}$/);
		expect(secret).toMatch(/^[A-Za-z0-9_-]{20}$/);
		expect(expiresAt).toEqual(at(12 * HOUR));

		const row = await db
			.selectFrom('user_sessions')
			.selectAll()
			.where('id', '=', id!)
			.executeTakeFirstOrThrow();
		expect(row.user_id).toBe(userId);
		expect(row.created_at).toBe(T0.toISOString());
		expect(row.last_seen_at).toBe(T0.toISOString());
		expect(Buffer.from(row.secret_hash)).toEqual(createHash('sha256').update(secret!).digest());
	});

	it('gives every session a different id and secret', async () => {
		const a = await createSession(db, userId, T0);
		const b = await createSession(db, userId, T0);
		const [idA, secretA] = a.token.split('.');
		const [idB, secretB] = b.token.split('.');
		expect(idA).not.toBe(idB);
		expect(secretA).not.toBe(secretB);
	});

	it('returns the user of a valid token, without the session columns', async () => {
		const { token } = await createSession(db, userId, T0);
		const session = await validateSessionToken(db, token, at(MINUTE));
		expect(session).not.toBeNull();
		expect(session!.sessionId).toBe(sessionIdOf(token));
		expect(session!.user.id).toBe(userId);
		expect(session!.user.email).toBe('session-1@test.test');
		expect(session!.renewedUntil).toBeNull();
		expect(session!.user).not.toHaveProperty('secret_hash');
		expect(session!.user).not.toHaveProperty('last_seen_at');
		expect(session!.user).not.toHaveProperty('session_created_at');
	});

	it('refuses a wrong secret, without ending the real session', async () => {
		const { token } = await createSession(db, userId, T0);
		const [id, secret] = token.split('.');
		const wrong = secret!.slice(0, -1) + (secret!.endsWith('A') ? 'B' : 'A');
		expect(await validateSessionToken(db, `${id}.${wrong}`, at(MINUTE))).toBeNull();
		expect(await validateSessionToken(db, `${id}.${secret}x`, at(MINUTE))).toBeNull();
		expect(await validateSessionToken(db, `${id}.${id}`, at(MINUTE))).toBeNull();
		expect(await validateSessionToken(db, token, at(MINUTE))).not.toBeNull();
	});

	it("refuses one session's secret with another session's id", async () => {
		const a = await createSession(db, userId, T0);
		const b = await createSession(db, otherUserId, T0);
		const [idA] = a.token.split('.');
		const [, secretB] = b.token.split('.');
		expect(await validateSessionToken(db, `${idA}.${secretB}`, at(MINUTE))).toBeNull();
	});

	it('refuses malformed and unknown tokens', async () => {
		const { token } = await createSession(db, userId, T0);
		const [id, secret] = token.split('.');
		for (const malformed of [
			'',
			'abc',
			'a.b.c',
			'.',
			`${id}.`,
			`.${secret}`,
			`${token}.`,
			`${token}.x`,
			`${id}..${secret}`,
			'unknown-session-id00.secret-of-nobody-000'
		]) {
			expect(await validateSessionToken(db, malformed, at(MINUTE)), malformed).toBeNull();
		}
		expect(await validateSessionToken(db, token, at(MINUTE))).not.toBeNull();
	});

	it('expires after 12 idle hours and deletes the session row', async () => {
		const { token } = await createSession(db, userId, T0);
		const id = sessionIdOf(token);
		expect(await validateSessionToken(db, token, at(12 * HOUR + MINUTE))).toBeNull();
		expect(await lastSeen(id)).toBeUndefined();
		// Gone for good: not even a request dated earlier brings it back.
		expect(await validateSessionToken(db, token, at(MINUTE))).toBeNull();
	});

	it('is still valid just before 12 idle hours and expired at exactly 12', async () => {
		const early = await createSession(db, userId, T0);
		expect(await validateSessionToken(db, early.token, at(12 * HOUR - 1000))).not.toBeNull();
		const late = await createSession(db, userId, T0);
		expect(await validateSessionToken(db, late.token, at(12 * HOUR))).toBeNull();
		expect(await lastSeen(sessionIdOf(late.token))).toBeUndefined();
	});

	it('expires after 7 days even when used every few hours', async () => {
		const { token } = await createSession(db, userId, T0);
		const id = sessionIdOf(token);
		for (let hours = 4; hours < 7 * 24; hours += 4) {
			const session = await validateSessionToken(db, token, at(hours * HOUR));
			expect(session, `after ${hours} h`).not.toBeNull();
		}
		// Last used at 164 h: the renewed cookie may not outlive the 7 days.
		expect(await lastSeen(id)).toBe(at(164 * HOUR).toISOString());
		expect(await validateSessionToken(db, token, at(7 * DAY))).toBeNull();
		expect(await lastSeen(id)).toBeUndefined();
	});

	it('caps the renewed expiry at the absolute lifetime', async () => {
		const { token } = await createSession(db, userId, T0);
		for (let hours = 10; hours < 160; hours += 10) {
			await validateSessionToken(db, token, at(hours * HOUR));
		}
		const session = await validateSessionToken(db, token, at(160 * HOUR));
		expect(session!.renewedUntil).toEqual(at(7 * DAY));
	});

	it('refreshes last_seen_at after 5 minutes and reports the renewed expiry', async () => {
		const { token } = await createSession(db, userId, T0);
		const id = sessionIdOf(token);

		const quiet = await validateSessionToken(db, token, at(5 * MINUTE - 1000));
		expect(quiet!.renewedUntil).toBeNull();
		expect(await lastSeen(id)).toBe(T0.toISOString());

		const refreshed = await validateSessionToken(db, token, at(5 * MINUTE));
		expect(refreshed!.renewedUntil).toEqual(at(5 * MINUTE + 12 * HOUR));
		expect(await lastSeen(id)).toBe(at(5 * MINUTE).toISOString());

		const again = await validateSessionToken(db, token, at(9 * MINUTE));
		expect(again!.renewedUntil).toBeNull();
		expect(await lastSeen(id)).toBe(at(5 * MINUTE).toISOString());

		// The idle time now counts from the refresh, not from the sign-in.
		expect(await validateSessionToken(db, token, at(12 * HOUR + 4 * MINUTE))).not.toBeNull();
	});

	it('does not write to the database when validated within 5 minutes', async () => {
		const { token } = await createSession(db, userId, T0);
		const writes = [
			vi.spyOn(db, 'updateTable'),
			vi.spyOn(db, 'insertInto'),
			vi.spyOn(db, 'deleteFrom')
		];
		try {
			for (const minutes of [0, 1, 2, 4]) {
				expect(await validateSessionToken(db, token, at(minutes * MINUTE))).not.toBeNull();
			}
			for (const spy of writes) expect(spy).not.toHaveBeenCalled();
			await validateSessionToken(db, token, at(6 * MINUTE));
			expect(writes[0]).toHaveBeenCalledTimes(1);
		} finally {
			for (const spy of writes) spy.mockRestore();
		}
	});

	it('refuses the session of an inactive user and deletes it', async () => {
		const inactiveId = await newUser();
		const { token } = await createSession(db, inactiveId, T0);
		expect(await validateSessionToken(db, token, at(MINUTE))).not.toBeNull();
		await db.updateTable('users').set({ active: 0 }).where('id', '=', inactiveId).execute();
		expect(await validateSessionToken(db, token, at(2 * MINUTE))).toBeNull();
		expect(await sessionIdsOf(db, inactiveId)).toEqual([]);
		// Reactivating does not revive the old session.
		await db.updateTable('users').set({ active: 1 }).where('id', '=', inactiveId).execute();
		expect(await validateSessionToken(db, token, at(3 * MINUTE))).toBeNull();
	});

	it('invalidateSession ends only that session', async () => {
		const owner = await newUser();
		const a = await createSession(db, owner, T0);
		const b = await createSession(db, owner, T0);
		await invalidateSession(db, sessionIdOf(a.token));
		expect(await validateSessionToken(db, a.token, at(MINUTE))).toBeNull();
		expect(await validateSessionToken(db, b.token, at(MINUTE))).not.toBeNull();
	});

	it('invalidateUserSessions ends every session of the user, but the one kept', async () => {
		const owner = await newUser();
		const bystander = await newUser();
		const [a, b, c] = [
			await createSession(db, owner, T0),
			await createSession(db, owner, T0),
			await createSession(db, owner, T0)
		];
		const other = await createSession(db, bystander, T0);

		await invalidateUserSessions(db, owner, sessionIdOf(b!.token));
		expect(await sessionIdsOf(db, owner)).toEqual([sessionIdOf(b!.token)]);
		expect(await validateSessionToken(db, a!.token, at(MINUTE))).toBeNull();
		expect(await validateSessionToken(db, c!.token, at(MINUTE))).toBeNull();
		expect(await validateSessionToken(db, b!.token, at(MINUTE))).not.toBeNull();

		await invalidateUserSessions(db, owner);
		expect(await sessionIdsOf(db, owner)).toEqual([]);
		expect(await validateSessionToken(db, other.token, at(MINUTE))).not.toBeNull();
	});

	it('sessionIdOf gives the id part of a token', () => {
		expect(sessionIdOf('abc.def')).toBe('abc');
		expect(sessionIdOf('')).toBe('');
	});
});
