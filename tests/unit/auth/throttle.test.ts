import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordAudit } from '../../../src/lib/server/audit/repository.ts';
import {
	secondsUntilSignInAllowed,
	SIGN_IN_FAILED
} from '../../../src/lib/server/auth/throttle.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { createTestDb } from '../../helpers/test-db.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

// Each test uses its own day, emails and addresses, so their failures never meet.
function clock(day: number) {
	const start = Date.UTC(2026, 10, day, 8);
	return (ms = 0) => new Date(start + ms);
}

describe('sign-in throttle', () => {
	let db: DB;
	beforeAll(async () => {
		db = await createTestDb();
	});

	async function fail(email: string, ip: string, at: Date) {
		await recordAudit(db, { actorId: null, ip, action: SIGN_IN_FAILED, subject: email }, at);
	}

	it('allows 4 failures of an account and stops the 5th for the rest of the window', async () => {
		const t = clock(1);
		for (let i = 0; i < 4; i++) await fail('a@test.test', `10.1.0.${i}`, t(i * SECOND));
		expect(await secondsUntilSignInAllowed(db, 'a@test.test', '10.1.1.1', t(10 * SECOND))).toBe(0);

		await fail('a@test.test', '10.1.0.9', t(4 * SECOND));
		// The oldest of the five, at t(0), leaves the window at t(15 min).
		expect(await secondsUntilSignInAllowed(db, 'a@test.test', '10.1.1.1', t(10 * SECOND))).toBe(
			15 * 60 - 10
		);
		expect(
			await secondsUntilSignInAllowed(db, 'a@test.test', '10.1.1.1', t(15 * MINUTE - SECOND))
		).toBe(1);
		expect(await secondsUntilSignInAllowed(db, 'a@test.test', '10.1.1.1', t(15 * MINUTE))).toBe(0);
	});

	it('counts only the failures of that account', async () => {
		const t = clock(2);
		for (let i = 0; i < 5; i++) await fail('b@test.test', `10.2.0.${i}`, t(i * SECOND));
		expect(
			await secondsUntilSignInAllowed(db, 'b@test.test', '10.2.9.9', t(MINUTE))
		).toBeGreaterThan(0);
		expect(await secondsUntilSignInAllowed(db, 'b2@test.test', '10.2.9.9', t(MINUTE))).toBe(0);
	});

	it('ignores failures older than 15 minutes and entries of other actions', async () => {
		const t = clock(3);
		for (let i = 0; i < 4; i++) await fail('c@test.test', '10.3.0.1', t(i * SECOND));
		await fail('c@test.test', '10.3.0.1', t(-15 * MINUTE));
		await recordAudit(
			db,
			{ actorId: null, ip: '10.3.0.1', action: 'sign_in', subject: 'c@test.test' },
			t(5 * SECOND)
		);
		expect(await secondsUntilSignInAllowed(db, 'c@test.test', '10.3.0.1', t(MINUTE))).toBe(0);
	});

	it('waits until the 5th newest failure leaves the window', async () => {
		const t = clock(4);
		// Seven failures, a minute apart: only the newest five decide.
		for (let i = 0; i < 7; i++) await fail('d@test.test', '10.4.0.1', t(i * MINUTE));
		const wait = await secondsUntilSignInAllowed(db, 'd@test.test', '10.4.0.2', t(7 * MINUTE));
		expect(wait).toBe((2 * MINUTE + 15 * MINUTE - 7 * MINUTE) / SECOND);
		expect(
			await secondsUntilSignInAllowed(db, 'd@test.test', '10.4.0.2', t(7 * MINUTE + wait * SECOND))
		).toBe(0);
	});

	it('stops an address after 30 failures across accounts, but no other address', async () => {
		const t = clock(5);
		for (let i = 0; i < 29; i++) await fail(`e${i}@test.test`, '10.5.0.1', t(i * SECOND));
		expect(await secondsUntilSignInAllowed(db, 'e-new@test.test', '10.5.0.1', t(MINUTE))).toBe(0);
		await fail('e29@test.test', '10.5.0.1', t(29 * SECOND));
		const wait = await secondsUntilSignInAllowed(db, 'e-new@test.test', '10.5.0.1', t(MINUTE));
		expect(wait).toBe(15 * 60 - 60);
		expect(await secondsUntilSignInAllowed(db, 'e-new@test.test', '10.5.0.2', t(MINUTE))).toBe(0);
	});

	it('takes the longer wait when both limits apply', async () => {
		const t = clock(6);
		for (let i = 0; i < 30; i++) await fail(`f${i}@test.test`, '10.6.0.1', t(i * SECOND));
		for (let i = 0; i < 5; i++)
			await fail('f-acct@test.test', '10.6.0.2', t(5 * MINUTE + i * SECOND));
		const wait = await secondsUntilSignInAllowed(db, 'f-acct@test.test', '10.6.0.1', t(6 * MINUTE));
		expect(wait).toBe((5 * MINUTE + 15 * MINUTE - 6 * MINUTE) / SECOND);
	});
});

describe('sign-in limits from the environment', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
	});

	async function loadWith(env: Record<string, string>) {
		for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
		vi.resetModules();
		return {
			config: (await import('../../../src/lib/server/auth/config.ts')).authConfig,
			throttle: await import('../../../src/lib/server/auth/throttle.ts'),
			audit: await import('../../../src/lib/server/audit/repository.ts')
		};
	}

	it('takes positive limits from the environment', async () => {
		const { config } = await loadWith({
			SIGNIN_MAX_FAILURES_PER_ACCOUNT: '3',
			SIGNIN_MAX_FAILURES_PER_IP: '10'
		});
		expect(config.maxFailuresPerAccount).toBe(3);
		expect(config.maxFailuresPerIp).toBe(10);
	});

	it('keeps the default limits, and sign-in working, for a limit that is not a positive whole number', async () => {
		for (const bad of ['-1', '0', 'many', '2.5']) {
			const { config, throttle, audit } = await loadWith({
				SIGNIN_MAX_FAILURES_PER_ACCOUNT: bad,
				SIGNIN_MAX_FAILURES_PER_IP: bad
			});
			expect(config.maxFailuresPerAccount, bad).toBe(5);
			expect(config.maxFailuresPerIp, bad).toBe(30);

			const db = await createTestDb();
			try {
				const t = new Date('2026-11-20T08:00:00.000Z');
				for (let i = 0; i < 3; i++) {
					await audit.recordAudit(
						db,
						{ actorId: null, ip: '10.7.0.1', action: SIGN_IN_FAILED, subject: 'g@test.test' },
						t
					);
				}
				await expect(
					throttle.secondsUntilSignInAllowed(db, 'g@test.test', '10.7.0.1', t)
				).resolves.toBe(0);
			} finally {
				await db.destroy();
			}
		}
	});
});
