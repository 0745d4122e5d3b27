import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session.ts';
import { signIn } from '../../../src/lib/server/auth/sign-in.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { DEMO_PASSWORD } from '../../../src/lib/server/demo/accounts.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { findStored, userByEmail } from '../users/fixtures.ts';

const T0 = new Date('2026-11-26T08:00:00.000Z');
const WRONG_PASSWORD = 'Wrong-Password-Tried-77';

describe('what the database keeps of tokens and passwords', () => {
	let db: DB;
	const tokens: string[] = [];

	beforeAll(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		const staff = await userByEmail(db, 'staff@demo.test');
		tokens.push((await createSession(db, staff.id, T0)).token);

		const ok = await signIn(
			db,
			{ email: 'manager@demo.test', password: DEMO_PASSWORD, ip: '10.9.0.1' },
			T0
		);
		if (ok.status !== 'ok') throw new Error(`sign-in failed: ${ok.status}`);
		tokens.push(ok.token);
		const failed = await signIn(
			db,
			{ email: 'manager@demo.test', password: WRONG_PASSWORD, ip: '10.9.0.1' },
			T0
		);
		expect(failed.status).toBe('invalid');
		// The tokens are live: the scan below looks at a database that really holds them.
		for (const token of tokens) expect(await validateSessionToken(db, token, T0)).not.toBeNull();
	});

	it('is searched in every table, sessions and audit entries included', async () => {
		const staff = await userByEmail(db, 'staff@demo.test');
		// The scan does find what is there: the session ids and an email are stored on purpose.
		const ids = tokens.map((t) => t.split('.')[0]!);
		expect(await findStored(db, ids)).toHaveLength(2);
		expect(await findStored(db, [staff.email])).toContain('users.email: staff@demo.test');
		expect(await findStored(db, ['manager@demo.test'])).toContain(
			'audit_log.subject: manager@demo.test'
		);
	});

	it('holds no session token nor its secret, as text or as bytes', async () => {
		const secrets = tokens.map((t) => t.split('.')[1]!);
		expect(secrets.every((s) => s.length >= 20)).toBe(true);
		const rawSecrets = secrets.map((s) => new Uint8Array(Buffer.from(s, 'base64url')));
		expect(await findStored(db, [...tokens, ...secrets], rawSecrets)).toEqual([]);
	});

	it('holds no plaintext password, right or wrong', async () => {
		expect(await findStored(db, [DEMO_PASSWORD, WRONG_PASSWORD])).toEqual([]);
	});
});
