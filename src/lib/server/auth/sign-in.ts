import type { DB } from '../db/connect.ts';
import type { User } from '../db/schema.ts';
import { recordAudit } from '../audit/repository.ts';
import { findUserByEmail } from '../users/repository.ts';
import { verifyAgainstNothing, verifyPassword } from './password.ts';
import { createSession } from './session.ts';
import { secondsUntilSignInAllowed, SIGN_IN_FAILED } from './throttle.ts';

export type SignInResult =
	| { status: 'ok'; user: User; token: string; expiresAt: Date }
	| { status: 'invalid' }
	| { status: 'throttled'; retryAfterSeconds: number };

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

/**
 * Unknown email, wrong password and deactivated account all answer 'invalid', after the same
 * argon2 work, so the answer tells an attacker nothing.
 */
export async function signIn(
	db: DB,
	input: { email: string; password: string; ip: string },
	now = new Date()
): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	const retryAfterSeconds = await secondsUntilSignInAllowed(db, email, input.ip, now);
	if (retryAfterSeconds > 0) return { status: 'throttled', retryAfterSeconds };

	const user = await findUserByEmail(db, email);
	const passwordMatches = user
		? await verifyPassword(user.password_hash, input.password)
		: await verifyAgainstNothing(input.password);

	if (!user || !passwordMatches || !user.active) {
		await recordAudit(
			db,
			{
				actorId: null,
				ip: input.ip,
				action: SIGN_IN_FAILED,
				entityType: user ? 'user' : null,
				entityId: user?.id ?? null,
				subject: email
			},
			now
		);
		return { status: 'invalid' };
	}

	const session = await createSession(db, user.id, now);
	await recordAudit(
		db,
		{
			actorId: user.id,
			ip: input.ip,
			action: 'sign_in',
			entityType: 'user',
			entityId: user.id,
			subject: email
		},
		now
	);
	return { status: 'ok', user, ...session };
}
