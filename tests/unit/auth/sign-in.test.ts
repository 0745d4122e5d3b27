import { beforeAll, describe, expect, it } from 'vitest';
import { validateSessionToken } from '../../../src/lib/server/auth/session.ts';
import { normalizeEmail, signIn } from '../../../src/lib/server/auth/sign-in.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { DEMO_PASSWORD } from '../../../src/lib/server/demo/accounts.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { demoPasswordHash, insertUser, sessionIdsOf, userByEmail } from '../users/fixtures.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// Each test signs in on its own day, with its own accounts and addresses, so that one test's
// failures never throttle another.
function clock(day: number) {
	const start = Date.UTC(2026, 11, day, 6);
	return (ms = 0) => new Date(start + ms);
}

describe('signIn', () => {
	let db: DB;
	let passwordHash: string;
	let accountCount = 0;

	/** A fresh account with the demo password, inserted without hashing again. */
	async function newAccount(options: { active?: boolean } = {}): Promise<string> {
		accountCount += 1;
		const email = `signin-${accountCount}@demo.test`;
		await insertUser(db, { email, passwordHash, ...options });
		return email;
	}

	async function failuresFor(column: 'subject' | 'ip', value: string) {
		return db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'sign_in_failed')
			.where(column, '=', value)
			.orderBy('id')
			.execute();
	}

	beforeAll(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		passwordHash = await demoPasswordHash(db);
	});

	it('signs a demo account in, with a session that validates', async () => {
		const t = clock(1);
		const result = await signIn(
			db,
			{ email: 'staff@demo.test', password: DEMO_PASSWORD, ip: '10.0.1.1' },
			t()
		);
		expect(result.status).toBe('ok');
		if (result.status !== 'ok') return;
		const staff = await userByEmail(db, 'staff@demo.test');
		expect(result.user.id).toBe(staff.id);
		expect(result.expiresAt).toEqual(t(12 * HOUR));
		const session = await validateSessionToken(db, result.token, t(MINUTE));
		expect(session?.user.id).toBe(staff.id);
	});

	it('writes a sign_in audit entry on success', async () => {
		const t = clock(2);
		const email = await newAccount();
		const user = await userByEmail(db, email);
		await signIn(db, { email, password: DEMO_PASSWORD, ip: '10.0.2.1' }, t());
		const rows = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'sign_in')
			.where('subject', '=', email)
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			at: t().toISOString(),
			actor_id: user.id,
			ip: '10.0.2.1',
			entity_type: 'user',
			entity_id: user.id,
			subject: email
		});
		expect(await failuresFor('subject', email)).toEqual([]);
	});

	it('trims and lower-cases the email', async () => {
		const t = clock(3);
		expect(normalizeEmail('  Staff@DEMO.test \t')).toBe('staff@demo.test');
		const email = await newAccount();
		const result = await signIn(
			db,
			{ email: `  ${email.toUpperCase()} `, password: DEMO_PASSWORD, ip: '10.0.3.1' },
			t()
		);
		expect(result.status).toBe('ok');

		await signIn(
			db,
			{ email: ` ${email.toUpperCase()}`, password: 'wrong-pass-1', ip: '10.0.3.2' },
			t()
		);
		const [failure] = await failuresFor('ip', '10.0.3.2');
		expect(failure?.subject).toBe(email);
	});

	it('answers exactly { status: "invalid" } for an unknown email and for a wrong password', async () => {
		const t = clock(4);
		const email = await newAccount();
		const user = await userByEmail(db, email);
		const unknown = await signIn(
			db,
			{ email: 'nobody@demo.test', password: DEMO_PASSWORD, ip: '10.0.4.1' },
			t()
		);
		const wrong = await signIn(db, { email, password: 'not-the-password', ip: '10.0.4.2' }, t());
		expect(unknown).toStrictEqual({ status: 'invalid' });
		expect(wrong).toStrictEqual({ status: 'invalid' });
		expect(await sessionIdsOf(db, user.id)).toEqual([]);

		// Each failure is an audit entry with the email tried and the address.
		expect(await failuresFor('ip', '10.0.4.1')).toMatchObject([
			{ at: t().toISOString(), actor_id: null, subject: 'nobody@demo.test', entity_id: null }
		]);
		expect(await failuresFor('ip', '10.0.4.2')).toMatchObject([
			{ at: t().toISOString(), actor_id: null, subject: email, entity_id: user.id }
		]);
	});

	it('refuses a deactivated account with the right password as "invalid"', async () => {
		const t = clock(5);
		const email = await newAccount({ active: false });
		const user = await userByEmail(db, email);
		const result = await signIn(db, { email, password: DEMO_PASSWORD, ip: '10.0.5.1' }, t());
		expect(result).toStrictEqual({ status: 'invalid' });
		expect(await sessionIdsOf(db, user.id)).toEqual([]);
		expect(await failuresFor('subject', email)).toHaveLength(1);
	});

	it('throttles an account after 5 failures, even with the right password, for 15 minutes', async () => {
		const t = clock(6);
		const email = await newAccount();
		const user = await userByEmail(db, email);
		// From five different addresses: it is the account that is counted.
		for (let i = 0; i < 5; i++) {
			const result = await signIn(
				db,
				{ email, password: `wrong-password-${i}`, ip: `10.0.6.${i}` },
				t(i * SECOND)
			);
			expect(result).toStrictEqual({ status: 'invalid' });
		}
		expect(await failuresFor('subject', email)).toHaveLength(5);

		const throttled = await signIn(
			db,
			{ email: email.toUpperCase(), password: DEMO_PASSWORD, ip: '10.0.6.99' },
			t(10 * SECOND)
		);
		expect(throttled.status).toBe('throttled');
		if (throttled.status !== 'throttled') return;
		expect(throttled.retryAfterSeconds).toBeGreaterThanOrEqual(1);
		expect(throttled.retryAfterSeconds).toBeLessThanOrEqual(900);
		expect(throttled.retryAfterSeconds).toBe(890);
		expect(Object.keys(throttled).sort()).toEqual(['retryAfterSeconds', 'status']);
		expect(await sessionIdsOf(db, user.id)).toEqual([]);

		// Still throttled a second before the window passes; signs in once it has.
		const almost = await signIn(
			db,
			{ email, password: DEMO_PASSWORD, ip: '10.0.6.99' },
			t(15 * MINUTE - SECOND)
		);
		expect(almost).toStrictEqual({ status: 'throttled', retryAfterSeconds: 1 });
		const after = await signIn(
			db,
			{ email, password: DEMO_PASSWORD, ip: '10.0.6.99' },
			t(15 * MINUTE)
		);
		expect(after.status).toBe('ok');
	});

	it('lets an account sign in after 4 failures', async () => {
		const t = clock(7);
		const email = await newAccount();
		for (let i = 0; i < 4; i++) {
			await signIn(db, { email, password: `wrong-password-${i}`, ip: '10.0.7.1' }, t(i * SECOND));
		}
		const result = await signIn(db, { email, password: DEMO_PASSWORD, ip: '10.0.7.1' }, t(MINUTE));
		expect(result.status).toBe('ok');
	});

	it("does not throttle other accounts when one account's limit is reached", async () => {
		const t = clock(8);
		const locked = await newAccount();
		const other = await newAccount();
		for (let i = 0; i < 5; i++) {
			await signIn(
				db,
				{ email: locked, password: `wrong-${i}-pass`, ip: '10.0.8.1' },
				t(i * SECOND)
			);
		}
		expect(
			(await signIn(db, { email: locked, password: DEMO_PASSWORD, ip: '10.0.8.1' }, t(MINUTE)))
				.status
		).toBe('throttled');
		expect(
			(await signIn(db, { email: other, password: DEMO_PASSWORD, ip: '10.0.8.1' }, t(MINUTE)))
				.status
		).toBe('ok');
	});

	it('throttles an address after 30 failures across emails, but not another address', async () => {
		const t = clock(9);
		const email = await newAccount();
		const attacker = '10.0.9.66';
		// 29 failures (in parallel: each one waits for argon2) ...
		const first = await Promise.all(
			Array.from({ length: 29 }, (_, i) =>
				signIn(db, { email: `guess-${i}@demo.test`, password: 'guess-password', ip: attacker }, t())
			)
		);
		expect(first.every((r) => r.status === 'invalid')).toBe(true);
		expect(await failuresFor('ip', attacker)).toHaveLength(29);
		// ... still let the address in ...
		const allowed = await signIn(db, { email, password: DEMO_PASSWORD, ip: attacker }, t(SECOND));
		expect(allowed.status).toBe('ok');
		// ... and the 30th stops it, for any account, however right the password.
		await signIn(
			db,
			{ email: 'guess-29@demo.test', password: 'guess-password', ip: attacker },
			t(SECOND)
		);
		const blocked = await signIn(
			db,
			{ email, password: DEMO_PASSWORD, ip: attacker },
			t(2 * SECOND)
		);
		expect(blocked.status).toBe('throttled');
		if (blocked.status === 'throttled') {
			expect(blocked.retryAfterSeconds).toBeGreaterThanOrEqual(1);
			expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(900);
		}
		const elsewhere = await signIn(
			db,
			{ email, password: DEMO_PASSWORD, ip: '10.0.9.1' },
			t(2 * SECOND)
		);
		expect(elsewhere.status).toBe('ok');
		// The window passes for the address too.
		const later = await signIn(
			db,
			{ email, password: DEMO_PASSWORD, ip: attacker },
			t(15 * MINUTE)
		);
		expect(later.status).toBe('ok');
	});
});
