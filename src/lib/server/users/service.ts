import type { DB } from '../db/connect.ts';
import type { User } from '../db/schema.ts';
import type { UserInput } from '../../schemas/users.ts';
import { recordAudit } from '../audit/repository.ts';
import {
	findPasswordProblem,
	hashPassword,
	verifyPassword,
	type PasswordProblem
} from '../auth/password.ts';
import { normalizeEmail } from '../auth/sign-in.ts';
import { invalidateUserSessions } from '../auth/session.ts';
import { centersInDistricts, schoolsInDistricts } from '../directory/in-districts.ts';
import { findUserByEmail, findUserById, findUserScope, isUserInDistricts } from './repository.ts';

/** The admin making a change, and the districts they may change things in. */
export interface Actor {
	id: number;
	districtIds: number[];
	ip: string | null;
}

export type UserChangeResult =
	| { ok: true; id: number }
	| { ok: false; error: 'not_found' | 'stale' }
	| {
			ok: false;
			error: 'email_taken' | 'scope_outside' | 'own_role' | PasswordProblem;
			field: string;
	  };

function scopeValues(input: UserInput) {
	const districtIds = input.role === 'admin' || input.role === 'liaison' ? input.district_ids : [];
	const centerIds = input.role === 'center_manager' ? input.center_ids : [];
	const schoolId = input.role === 'school_staff' ? (input.school_id ?? null) : null;
	return { districtIds, centerIds, schoolId };
}

/** Whether every district, centre and school named lies in the actor's districts. */
async function scopeWithinActor(db: DB, actor: Actor, input: UserInput): Promise<string | null> {
	const { districtIds, centerIds, schoolId } = scopeValues(input);
	if (districtIds.some((id) => !actor.districtIds.includes(id))) return 'district_ids';
	if (centerIds.length) {
		const found = await centersInDistricts(db, actor.districtIds)
			.select('centers.id')
			.where('centers.id', 'in', centerIds)
			.execute();
		if (found.length !== new Set(centerIds).size) return 'center_ids';
	}
	if (schoolId) {
		const found = await schoolsInDistricts(db, actor.districtIds)
			.select('schools.id')
			.where('schools.id', '=', schoolId)
			.executeTakeFirst();
		if (!found) return 'school_id';
	}
	return null;
}

/**
 * Replaces the part of a user's scope that lies in `editableDistrictIds` (null: all of it).
 * An admin sees and edits only their own districts; the rest of a user's scope stays as it was.
 */
async function writeScope(
	db: DB,
	userId: number,
	input: UserInput,
	editableDistrictIds: number[] | null
): Promise<void> {
	const { districtIds, centerIds } = scopeValues(input);
	let districts = db.deleteFrom('user_districts').where('user_id', '=', userId);
	let centers = db.deleteFrom('user_centers').where('user_id', '=', userId);
	if (editableDistrictIds) {
		districts = districts.where(
			'district_id',
			'in',
			editableDistrictIds.length ? editableDistrictIds : [-1]
		);
		centers = centers.where(
			'center_id',
			'in',
			centersInDistricts(db, editableDistrictIds).select('centers.id')
		);
	}
	await districts.execute();
	await centers.execute();
	if (districtIds.length)
		await db
			.insertInto('user_districts')
			.values([...new Set(districtIds)].map((district_id) => ({ user_id: userId, district_id })))
			.execute();
	if (centerIds.length)
		await db
			.insertInto('user_centers')
			.values([...new Set(centerIds)].map((center_id) => ({ user_id: userId, center_id })))
			.execute();
}

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
	const id = await db.transaction().execute(async (trx) => {
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
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'user_created',
				entityType: 'user',
				entityId: id,
				after: await describeUser(trx, created!)
			},
			now
		);
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

	return db.transaction().execute(async (trx): Promise<UserChangeResult> => {
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
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'user_updated',
				entityType: 'user',
				entityId: userId,
				before: beforeDescription,
				after: await describeUser(trx, after!)
			},
			now
		);
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
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('users')
			.set((eb) => ({ active: active ? 1 : 0, version: eb('version', '+', 1) }))
			.where('id', '=', userId)
			.execute();
		if (!active) await invalidateUserSessions(trx, userId);
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: active ? 'user_reactivated' : 'user_deactivated',
				entityType: 'user',
				entityId: userId
			},
			now
		);
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
	await db.transaction().execute(async (trx) => {
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
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'user_password_reset',
				entityType: 'user',
				entityId: userId
			},
			now
		);
	});
	return { ok: true, id: userId };
}

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
	await db.transaction().execute(async (trx) => {
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
		await recordAudit(
			trx,
			{
				actorId: user.id,
				ip: input.ip,
				action: 'password_changed',
				entityType: 'user',
				entityId: user.id
			},
			now
		);
	});
	return { ok: true };
}

export async function updateOwnProfile(
	db: DB,
	user: User,
	input: { display_name: string; locale: 'fa' | 'en'; ip: string | null },
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('users')
			.set((eb) => ({
				display_name: input.display_name,
				locale: input.locale,
				version: eb('version', '+', 1)
			}))
			.where('id', '=', user.id)
			.execute();
		await recordAudit(
			trx,
			{
				actorId: user.id,
				ip: input.ip,
				action: 'profile_updated',
				entityType: 'user',
				entityId: user.id,
				before: { display_name: user.display_name, locale: user.locale },
				after: { display_name: input.display_name, locale: input.locale }
			},
			now
		);
	});
}
