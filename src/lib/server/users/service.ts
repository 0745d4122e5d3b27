import type { DB } from '../db/connect.ts';
import type { User } from '../db/schema.ts';
import type { UserInput } from '../../schemas/users.ts';
import { findPasswordProblem, hashPassword, type PasswordProblem } from '../auth/password.ts';
import { normalizeEmail } from '../auth/sign-in.ts';
import { invalidateUserSessions } from '../auth/session.ts';
import { auditUserChange } from './audit-user-change.ts';
import { findUserByEmail, findUserById, findUserScope, isUserInDistricts } from './repository.ts';
import type { Actor } from '../auth/actor.ts';
import { scopeValues, scopeWithinActor, writeScope } from './scope-writes.ts';
import { inTransaction } from '../db/transaction.ts';

// What admins do to accounts in their districts.

export type UserChangeResult =
	| { ok: true; id: number }
	| { ok: false; error: 'not_found' | 'stale' }
	| {
			ok: false;
			error: 'email_taken' | 'scope_outside' | 'own_role' | PasswordProblem;
			field: string;
	  };

async function describeUser(db: DB, user: User) {
	const { districtIds, centerIds, schoolId } = await findUserScope(db, user);
	return {
		email: user.email,
		display_name: user.display_name,
		role: user.role,
		active: user.active,
		district_ids: districtIds,
		center_ids: centerIds,
		school_id: schoolId
	};
}

/** Deactivation and password resets are for other users; one's own password changes at /profile. */
async function canManageOther(db: DB, actor: Actor, userId: number): Promise<boolean> {
	return userId !== actor.id && (await isUserInDistricts(db, userId, actor.districtIds));
}

/** An admin creates an account with a temporary password, to be changed at the first sign-in. */
export async function createUser(
	db: DB,
	actor: Actor,
	rawInput: UserInput & { temporary_password: string },
	now = new Date()
): Promise<UserChangeResult> {
	const input = { ...rawInput, email: normalizeEmail(rawInput.email) };
	const problem = findPasswordProblem(input.temporary_password);
	if (problem) return { ok: false, error: problem, field: 'temporary_password' };
	const outside = await scopeWithinActor(db, actor, input);
	if (outside) return { ok: false, error: 'scope_outside', field: outside };
	if (await findUserByEmail(db, input.email))
		return { ok: false, error: 'email_taken', field: 'email' };

	const passwordHash = await hashPassword(input.temporary_password);
	const id = await inTransaction(db, async (trx) => {
		const { id } = await trx
			.insertInto('users')
			.values({
				email: input.email,
				display_name: input.display_name,
				password_hash: passwordHash,
				role: input.role,
				school_id: scopeValues(input).schoolId,
				locale: input.locale,
				must_change_password: 1,
				created_at: now.toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await writeScope(trx, id, input, null);
		const created = await findUserById(trx, id);
		await auditUserChange(trx, actor, 'user_created', id, now, {
			after: await describeUser(trx, created!)
		});
		return id;
	});
	return { ok: true, id };
}

/** Role, scope and name; refused when someone else saved the user since `version` was read. */
export async function updateUser(
	db: DB,
	actor: Actor,
	userId: number,
	version: number,
	rawInput: UserInput,
	now = new Date()
): Promise<UserChangeResult> {
	const input = { ...rawInput, email: normalizeEmail(rawInput.email) };
	if (!(await isUserInDistricts(db, userId, actor.districtIds)))
		return { ok: false, error: 'not_found' };
	// An admin who demoted themself could lock the district out of its own administration.
	if (userId === actor.id && input.role !== 'admin')
		return { ok: false, error: 'own_role', field: 'role' };
	const outside = await scopeWithinActor(db, actor, input);
	if (outside) return { ok: false, error: 'scope_outside', field: outside };
	const sameEmail = await findUserByEmail(db, input.email);
	if (sameEmail && sameEmail.id !== userId)
		return { ok: false, error: 'email_taken', field: 'email' };

	return inTransaction(db, async (trx): Promise<UserChangeResult> => {
		const before = await findUserById(trx, userId);
		if (!before) return { ok: false, error: 'not_found' };
		const beforeDescription = await describeUser(trx, before);
		const updated = await trx
			.updateTable('users')
			.set({
				email: input.email,
				display_name: input.display_name,
				role: input.role,
				school_id: scopeValues(input).schoolId,
				version: version + 1
			})
			.where('id', '=', userId)
			.where('version', '=', version)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) return { ok: false, error: 'stale' };
		// Same role: keep the scope outside this admin's districts. New role: a new scope.
		await writeScope(trx, userId, input, before.role === input.role ? actor.districtIds : null);
		const after = await findUserById(trx, userId);
		await auditUserChange(trx, actor, 'user_updated', userId, now, {
			before: beforeDescription,
			after: await describeUser(trx, after!)
		});
		return { ok: true, id: userId };
	});
}

/** Deactivating ends every session of the user at once. */
export async function setUserActive(
	db: DB,
	actor: Actor,
	userId: number,
	active: boolean,
	now = new Date()
): Promise<UserChangeResult> {
	if (!(await canManageOther(db, actor, userId))) return { ok: false, error: 'not_found' };
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('users')
			.set((eb) => ({ active: active ? 1 : 0, version: eb('version', '+', 1) }))
			.where('id', '=', userId)
			.execute();
		if (!active) await invalidateUserSessions(trx, userId);
		const action = active ? 'user_reactivated' : 'user_deactivated';
		await auditUserChange(trx, actor, action, userId, now);
	});
	return { ok: true, id: userId };
}

/** An admin sets a temporary password: the user's sessions end and they must change it. */
export async function resetUserPassword(
	db: DB,
	actor: Actor,
	userId: number,
	temporaryPassword: string,
	now = new Date()
): Promise<UserChangeResult> {
	if (!(await canManageOther(db, actor, userId))) return { ok: false, error: 'not_found' };
	const problem = findPasswordProblem(temporaryPassword);
	if (problem) return { ok: false, error: problem, field: 'temporary_password' };
	const passwordHash = await hashPassword(temporaryPassword);
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('users')
			.set((eb) => ({
				password_hash: passwordHash,
				must_change_password: 1,
				version: eb('version', '+', 1)
			}))
			.where('id', '=', userId)
			.execute();
		await invalidateUserSessions(trx, userId);
		await auditUserChange(trx, actor, 'user_password_reset', userId, now);
	});
	return { ok: true, id: userId };
}
