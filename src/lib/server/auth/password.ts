import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// argon2id with the OWASP minimum (m=19 MiB, t=2, p=1).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// Verifying against this for an unknown email makes it take as long as for a known one.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
	dummyHash ??= hashPassword('not-a-password-of-anyone');
	await verifyPassword(await dummyHash, password);
	return false;
}

let commonPasswords: Set<string> | undefined;

export type PasswordProblem = 'password_too_short' | 'password_common';

/** Why a new password is refused, or null when it is acceptable. */
export function findPasswordProblem(password: string): PasswordProblem | null {
	if ([...password].length < MIN_PASSWORD_LENGTH) return 'password_too_short';
	commonPasswords ??= new Set(dictionary['passwords-common'] as string[]);
	if (commonPasswords.has(password.toLowerCase())) return 'password_common';
	return null;
}
