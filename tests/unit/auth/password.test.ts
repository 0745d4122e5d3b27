import { beforeAll, describe, expect, it } from 'vitest';
import {
	findPasswordProblem,
	hashPassword,
	MIN_PASSWORD_LENGTH,
	verifyAgainstNothing,
	verifyPassword
} from '../../../src/lib/server/auth/password.ts';

describe('password rules', () => {
	it('needs at least 10 characters', () => {
		expect(MIN_PASSWORD_LENGTH).toBe(10);
		expect(findPasswordProblem('')).toBe('password_too_short');
		expect(findPasswordProblem('Zq8#vLm2p')).toBe('password_too_short');
		expect(findPasswordProblem('Zq8#vLm2pX')).toBeNull();
		expect(findPasswordProblem('Zq8#vLm2pX-and-more')).toBeNull();
	});

	it('counts characters, not UTF-16 code units', () => {
		// Nine emoji are eighteen code units, still nine characters.
		expect(findPasswordProblem('🔔'.repeat(9))).toBe('password_too_short');
		expect(findPasswordProblem('🔔'.repeat(10))).toBeNull();
		expect(findPasswordProblem('زنگپیشگیر')).toBe('password_too_short');
		expect(findPasswordProblem('زنگپیشگیری')).toBeNull();
	});

	it('refuses common passwords, whatever their case', () => {
		for (const common of [
			'password123',
			'PASSWORD123',
			'Password123',
			'qwertyuiop',
			'QwertyUIOP',
			'1234567890'
		]) {
			expect(findPasswordProblem(common), common).toBe('password_common');
		}
	});

	it('reports a short common password as too short', () => {
		expect(findPasswordProblem('password')).toBe('password_too_short');
	});
});

describe('password hashing', () => {
	const password = 'Zq8#vLm2pX-hash';
	let hash: string;
	beforeAll(async () => {
		hash = await hashPassword(password);
	});

	it('uses argon2id with m=19456, t=2, p=1', () => {
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
		expect(hash).not.toContain(password);
	});

	it('verifies the right password and nothing else', async () => {
		expect(await verifyPassword(hash, password)).toBe(true);
		expect(await verifyPassword(hash, password.toUpperCase())).toBe(false);
		expect(await verifyPassword(hash, `${password} `)).toBe(false);
		expect(await verifyPassword(hash, '')).toBe(false);
	});

	it('salts every hash', async () => {
		const again = await hashPassword(password);
		expect(again).not.toBe(hash);
		expect(await verifyPassword(again, password)).toBe(true);
	});

	it('answers false, without throwing, for a hash that is not one', async () => {
		expect(await verifyPassword('', password)).toBe(false);
		expect(await verifyPassword('not-a-hash', password)).toBe(false);
		expect(await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$broken', password)).toBe(false);
	});

	it('verifyAgainstNothing is always false', async () => {
		expect(await verifyAgainstNothing('not-a-password-of-anyone')).toBe(false);
		expect(await verifyAgainstNothing(password)).toBe(false);
	});
});
