import type { DB } from '../db/connect.ts';
import type { User } from '../db/schema.ts';
import {
	findPasswordProblem,
	hashPassword,
	verifyPassword,
	type PasswordProblem
} from '../auth/password.ts';
import { invalidateUserSessions } from '../auth/session.ts';
import { auditUserChange } from './audit-user-change.ts';
import { inTransaction } from '../db/transaction.ts';

// What users change about their own account, at /profile.

export type PasswordChangeResult =
	| { ok: true }
	| { ok: false; error: 'wrong_current_password' | PasswordProblem | 'password_unchanged' };

/** A user changes their own password; their other sessions end, this one stays. */
export async function changeOwnPassword(
	db: DB,
	user: User,
	keepSessionId: string,
	input: { current_password: string; new_password: string; ip: string | null },
	now = new Date()
): Promise<PasswordChangeResult> {
	if (!(await verifyPassword(user.password_hash, input.current_password)))
		return { ok: false, error: 'wrong_current_password' };
	if (input.new_password === input.current_password)
		return { ok: false, error: 'password_unchanged' };
	const problem = findPasswordProblem(input.new_password);
	if (problem) return { ok: false, error: problem };
	const passwordHash = await hashPassword(input.new_password);
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('users')
			.set((eb) => ({
				password_hash: passwordHash,
				must_change_password: 0,
				version: eb('version', '+', 1)
			}))
			.where('id', '=', user.id)
			.execute();
		await invalidateUserSessions(trx, user.id, keepSessionId);
		await auditUserChange(trx, { id: user.id, ip: input.ip }, 'password_changed', user.id, now);
	});
	return { ok: true };
}

export async function updateOwnProfile(
	db: DB,
	user: User,
	input: { display_name: string; locale: 'fa' | 'en'; ip: string | null },
	now = new Date()
): Promise<void> {
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('users')
			.set((eb) => ({
				display_name: input.display_name,
				locale: input.locale,
				version: eb('version', '+', 1)
			}))
			.where('id', '=', user.id)
			.execute();
		await auditUserChange(trx, { id: user.id, ip: input.ip }, 'profile_updated', user.id, now, {
			before: { display_name: user.display_name, locale: user.locale },
			after: { display_name: input.display_name, locale: input.locale }
		});
	});
}
