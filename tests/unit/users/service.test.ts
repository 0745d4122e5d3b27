import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/lib/server/auth/password.ts';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session.ts';
import { signIn } from '../../../src/lib/server/auth/sign-in.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { DEMO_PASSWORD } from '../../../src/lib/server/demo/accounts.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { findUserScope } from '../../../src/lib/server/users/repository.ts';
import {
	createUser,
	resetUserPassword,
	setUserActive,
	updateUser
} from '../../../src/lib/server/users/service.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import { changeOwnPassword, updateOwnProfile } from '../../../src/lib/server/users/own-account.ts';
import type { UserInput } from '../../../src/lib/schemas/users.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import {
	auditRows,
	demoCenterAndSchool,
	demoDistrictId,
	demoPasswordHash,
	findStored,
	insertSecondDistrict,
	insertUser,
	sessionIdsOf,
	userByEmail,
	type SecondDistrict
} from './fixtures.ts';

const T0 = new Date('2026-11-27T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const TEMP_PASSWORD = 'Temp-Pass-4821';
/** Every plaintext password these tests hand to the service, to look for in the database. */
const passwordsUsed = new Set<string>([TEMP_PASSWORD]);

describe('user management', () => {
	let db: DB;
	let passwordHash: string;
	let districtId: number;
	let centerId: number;
	let schoolId: number;
	let other: SecondDistrict;
	let admin: Actor;
	let otherAdmin: Actor;
	let userCount = 0;

	/** A fresh liaison of the demo district with the demo password, inserted without hashing. */
	async function newLiaison(
		options: { mustChangePassword?: boolean } = {}
	): Promise<{ id: number; email: string }> {
		userCount += 1;
		const email = `user-${userCount}@demo.test`;
		const id = await insertUser(db, {
			email,
			role: 'liaison',
			passwordHash,
			districtIds: [districtId],
			...options
		});
		return { id, email };
	}

	function liaisonInput(email: string, extra: Partial<UserInput> = {}): UserInput {
		return {
			email,
			display_name: `Liaison ${email}`,
			role: 'liaison',
			district_ids: [districtId],
			center_ids: [],
			locale: 'fa',
			...extra
		};
	}

	async function userRow(id: number) {
		return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	}

	async function userCountNow(): Promise<number> {
		const { n } = await db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(n);
	}

	beforeAll(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		passwordHash = await demoPasswordHash(db);
		districtId = await demoDistrictId(db);
		({ centerId, schoolId } = await demoCenterAndSchool(db, districtId));
		other = await insertSecondDistrict(db, passwordHash);
		admin = {
			id: (await userByEmail(db, 'admin@demo.test')).id,
			districtIds: [districtId],
			ip: '10.20.0.1'
		};
		otherAdmin = { id: other.adminId, districtIds: [other.districtId], ip: '10.20.0.2' };
	});

	describe('createUser', () => {
		it('creates a user who must change the temporary password, and audits it', async () => {
			const result = await createUser(
				db,
				admin,
				{
					...liaisonInput('new.liaison@demo.test'),
					locale: 'en',
					temporary_password: TEMP_PASSWORD
				},
				T0
			);
			expect(result.ok).toBe(true);
			if (!result.ok) return;
			const row = await userRow(result.id);
			expect(row).toMatchObject({
				email: 'new.liaison@demo.test',
				role: 'liaison',
				locale: 'en',
				school_id: null,
				must_change_password: 1,
				active: 1,
				version: 1,
				created_at: T0.toISOString()
			});
			expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
			expect(await verifyPassword(row.password_hash, TEMP_PASSWORD)).toBe(true);
			expect(await findUserScope(db, row)).toEqual({
				districtIds: [districtId],
				centerIds: [],
				schoolId: null
			});

			const [audit] = await auditRows(db, 'user_created', result.id);
			expect(audit).toMatchObject({
				at: T0.toISOString(),
				actor_id: admin.id,
				ip: '10.20.0.1',
				entity_type: 'user'
			});
			expect(JSON.parse(audit!.after!)).toMatchObject({
				email: 'new.liaison@demo.test',
				role: 'liaison',
				district_ids: [districtId]
			});
			expect(audit!.after).not.toContain(TEMP_PASSWORD);
			expect(audit!.after).not.toContain('argon2');
		});

		it('gives each role its own scope', async () => {
			const manager = await createUser(
				db,
				admin,
				{
					...liaisonInput('new.manager@demo.test'),
					role: 'center_manager',
					district_ids: [districtId],
					center_ids: [centerId],
					temporary_password: TEMP_PASSWORD
				},
				T0
			);
			const staff = await createUser(
				db,
				admin,
				{
					...liaisonInput('new.staff@demo.test'),
					role: 'school_staff',
					district_ids: [districtId],
					center_ids: [centerId],
					school_id: schoolId,
					temporary_password: TEMP_PASSWORD
				},
				T0
			);
			expect(manager.ok && staff.ok).toBe(true);
			if (!manager.ok || !staff.ok) return;
			expect(await findUserScope(db, await userRow(manager.id))).toEqual({
				districtIds: [],
				centerIds: [centerId],
				schoolId: null
			});
			expect(await findUserScope(db, await userRow(staff.id))).toEqual({
				districtIds: [],
				centerIds: [],
				schoolId
			});
		});

		it('lets the new user sign in, flagged to change the password', async () => {
			const email = 'first.signin@demo.test';
			const created = await createUser(
				db,
				admin,
				{ ...liaisonInput(email), temporary_password: TEMP_PASSWORD },
				T0
			);
			expect(created.ok).toBe(true);
			const result = await signIn(db, { email, password: TEMP_PASSWORD, ip: '10.20.1.1' }, T0);
			expect(result.status).toBe('ok');
			if (result.status === 'ok') expect(result.user.must_change_password).toBe(1);
		});

		it('refuses an email already taken, creating nothing', async () => {
			const before = await userCountNow();
			const auditsBefore = (await auditRows(db, 'user_created')).length;
			const result = await createUser(
				db,
				admin,
				{ ...liaisonInput('staff@demo.test'), temporary_password: TEMP_PASSWORD },
				T0
			);
			expect(result).toEqual({ ok: false, error: 'email_taken', field: 'email' });
			expect(await userCountNow()).toBe(before);
			expect(await auditRows(db, 'user_created')).toHaveLength(auditsBefore);
		});

		it("refuses a scope outside the admin's districts", async () => {
			const before = await userCountNow();
			const cases: [Partial<UserInput>, string][] = [
				[{ role: 'liaison', district_ids: [other.districtId] }, 'district_ids'],
				[{ role: 'admin', district_ids: [districtId, other.districtId] }, 'district_ids'],
				[{ role: 'center_manager', center_ids: [other.centerId] }, 'center_ids'],
				[{ role: 'center_manager', center_ids: [centerId, other.centerId] }, 'center_ids'],
				[{ role: 'center_manager', center_ids: [999_999] }, 'center_ids'],
				[{ role: 'school_staff', school_id: other.schoolId }, 'school_id'],
				[{ role: 'school_staff', school_id: 999_999 }, 'school_id']
			];
			for (const [scope, field] of cases) {
				const result = await createUser(
					db,
					admin,
					{ ...liaisonInput('outside@demo.test', scope), temporary_password: TEMP_PASSWORD },
					T0
				);
				expect(result, JSON.stringify(scope)).toEqual({
					ok: false,
					error: 'scope_outside',
					field
				});
			}
			expect(await userCountNow()).toBe(before);
		});

		it('refuses a short or common temporary password', async () => {
			const short = await createUser(
				db,
				admin,
				{ ...liaisonInput('weak@demo.test'), temporary_password: 'Short-123' },
				T0
			);
			expect(short).toEqual({
				ok: false,
				error: 'password_too_short',
				field: 'temporary_password'
			});
			const common = await createUser(
				db,
				admin,
				{ ...liaisonInput('weak@demo.test'), temporary_password: 'Password123' },
				T0
			);
			expect(common).toEqual({ ok: false, error: 'password_common', field: 'temporary_password' });
			expect(
				await db.selectFrom('users').where('email', '=', 'weak@demo.test').select('id').execute()
			).toEqual([]);
		});
	});

	describe('updateUser', () => {
		it('saves name, role and scope, bumps the version and audits before and after', async () => {
			const { id, email } = await newLiaison();
			const result = await updateUser(
				db,
				admin,
				id,
				1,
				{
					...liaisonInput(email),
					display_name: 'Renamed',
					role: 'center_manager',
					center_ids: [centerId]
				},
				at(1)
			);
			expect(result).toEqual({ ok: true, id });
			expect(await userRow(id)).toMatchObject({
				display_name: 'Renamed',
				role: 'center_manager',
				version: 2
			});
			expect(await findUserScope(db, await userRow(id))).toEqual({
				districtIds: [],
				centerIds: [centerId],
				schoolId: null
			});
			const [audit] = await auditRows(db, 'user_updated', id);
			expect(audit).toMatchObject({ actor_id: admin.id, at: at(1).toISOString() });
			expect(JSON.parse(audit!.before!)).toMatchObject({
				role: 'liaison',
				district_ids: [districtId]
			});
			expect(JSON.parse(audit!.after!)).toMatchObject({
				display_name: 'Renamed',
				role: 'center_manager',
				center_ids: [centerId]
			});
		});

		it('answers "stale" for an old version and changes nothing', async () => {
			const { id, email } = await newLiaison();
			const first = await updateUser(
				db,
				admin,
				id,
				1,
				{ ...liaisonInput(email), display_name: 'First edit' },
				at(1)
			);
			expect(first.ok).toBe(true);
			const saved = await userRow(id);
			const savedScope = await findUserScope(db, saved);
			const audits = await auditRows(db, 'user_updated', id);

			const second = await updateUser(
				db,
				admin,
				id,
				1,
				{
					...liaisonInput(`changed-${email}`),
					display_name: 'Second edit',
					role: 'school_staff',
					school_id: schoolId
				},
				at(2)
			);
			expect(second).toEqual({ ok: false, error: 'stale' });
			expect(await userRow(id)).toEqual(saved);
			expect(await findUserScope(db, saved)).toEqual(savedScope);
			expect(await auditRows(db, 'user_updated', id)).toEqual(audits);
		});

		it('answers "stale" for a version from the future too', async () => {
			const { id, email } = await newLiaison();
			const result = await updateUser(db, admin, id, 7, liaisonInput(email), at(1));
			expect(result).toEqual({ ok: false, error: 'stale' });
			expect((await userRow(id)).version).toBe(1);
		});

		it("refuses another user's email and a scope outside the admin's districts", async () => {
			const { id, email } = await newLiaison();
			expect(await updateUser(db, admin, id, 1, liaisonInput('manager@demo.test'), at(1))).toEqual({
				ok: false,
				error: 'email_taken',
				field: 'email'
			});
			expect(
				await updateUser(
					db,
					admin,
					id,
					1,
					liaisonInput(email, { district_ids: [other.districtId] }),
					at(1)
				)
			).toEqual({ ok: false, error: 'scope_outside', field: 'district_ids' });
			expect(await userRow(id)).toMatchObject({ email, version: 1 });
		});
	});

	describe('setUserActive', () => {
		it('deactivating ends every session of the user at once', async () => {
			const { id, email } = await newLiaison();
			const tokens = [
				(await createSession(db, id, T0)).token,
				(await createSession(db, id, T0)).token
			];
			const bystander = await createSession(db, admin.id, T0);

			expect(await setUserActive(db, admin, id, false, at(1))).toEqual({ ok: true, id });
			expect(await userRow(id)).toMatchObject({ active: 0, version: 2 });
			expect(await sessionIdsOf(db, id)).toEqual([]);
			for (const token of tokens) expect(await validateSessionToken(db, token, at(2))).toBeNull();
			expect(await validateSessionToken(db, bystander.token, at(2))).not.toBeNull();
			expect(await auditRows(db, 'user_deactivated', id)).toMatchObject([
				{ actor_id: admin.id, ip: admin.ip, at: at(1).toISOString() }
			]);
			expect(await signIn(db, { email, password: DEMO_PASSWORD, ip: '10.20.2.1' }, at(3))).toEqual({
				status: 'invalid'
			});
		});

		it('reactivating lets the user sign in again', async () => {
			const { id, email } = await newLiaison();
			await setUserActive(db, admin, id, false, at(1));
			expect(await setUserActive(db, admin, id, true, at(2))).toEqual({ ok: true, id });
			expect(await userRow(id)).toMatchObject({ active: 1, version: 3 });
			expect(await auditRows(db, 'user_reactivated', id)).toHaveLength(1);
			const result = await signIn(db, { email, password: DEMO_PASSWORD, ip: '10.20.2.2' }, at(3));
			expect(result.status).toBe('ok');
		});

		it('does not let an admin deactivate themself', async () => {
			const session = await createSession(db, admin.id, T0);
			expect(await setUserActive(db, admin, admin.id, false, at(1))).toEqual({
				ok: false,
				error: 'not_found'
			});
			expect((await userRow(admin.id)).active).toBe(1);
			expect(await validateSessionToken(db, session.token, at(2))).not.toBeNull();
		});
	});

	describe('resetUserPassword', () => {
		it('sets a temporary password, ends the sessions and requires a change', async () => {
			const { id, email } = await newLiaison();
			const session = await createSession(db, id, T0);
			const temporary = 'Reset-Temp-9150';
			passwordsUsed.add(temporary);

			expect(await resetUserPassword(db, admin, id, temporary, at(1))).toEqual({ ok: true, id });
			const row = await userRow(id);
			expect(row).toMatchObject({ must_change_password: 1, version: 2 });
			expect(await verifyPassword(row.password_hash, temporary)).toBe(true);
			expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(false);
			expect(await sessionIdsOf(db, id)).toEqual([]);
			expect(await validateSessionToken(db, session.token, at(2))).toBeNull();
			expect(await auditRows(db, 'user_password_reset', id)).toMatchObject([
				{ actor_id: admin.id, ip: admin.ip }
			]);
			const result = await signIn(db, { email, password: temporary, ip: '10.20.3.1' }, at(3));
			expect(result.status).toBe('ok');
			if (result.status === 'ok') expect(result.user.must_change_password).toBe(1);
		});

		it('refuses a weak temporary password and keeps everything as it was', async () => {
			const { id } = await newLiaison();
			const session = await createSession(db, id, T0);
			const before = await userRow(id);
			expect(await resetUserPassword(db, admin, id, 'qwertyuiop', at(1))).toEqual({
				ok: false,
				error: 'password_common',
				field: 'temporary_password'
			});
			expect(await userRow(id)).toEqual(before);
			expect(await validateSessionToken(db, session.token, at(2))).not.toBeNull();
		});
	});

	describe('changeOwnPassword', () => {
		it('refuses a wrong current password and changes nothing', async () => {
			const { id } = await newLiaison({ mustChangePassword: true });
			const current = await createSession(db, id, T0);
			const otherSession = await createSession(db, id, T0);
			const user = await userRow(id);
			const result = await changeOwnPassword(
				db,
				user,
				current.token.split('.')[0]!,
				{ current_password: 'not-my-password', new_password: 'Brand-New-Pass-1', ip: null },
				at(1)
			);
			expect(result).toEqual({ ok: false, error: 'wrong_current_password' });
			expect(await userRow(id)).toEqual(user);
			expect(await sessionIdsOf(db, id)).toHaveLength(2);
			expect(await validateSessionToken(db, otherSession.token, at(2))).not.toBeNull();
		});

		it('refuses the same password and a weak one', async () => {
			const { id } = await newLiaison();
			const user = await userRow(id);
			const change = (new_password: string) =>
				changeOwnPassword(
					db,
					user,
					'no-session',
					{ current_password: DEMO_PASSWORD, new_password, ip: null },
					at(1)
				);
			expect(await change(DEMO_PASSWORD)).toEqual({ ok: false, error: 'password_unchanged' });
			expect(await change('short-pw')).toEqual({ ok: false, error: 'password_too_short' });
			expect(await change('password123')).toEqual({ ok: false, error: 'password_common' });
			expect(await userRow(id)).toEqual(user);
		});

		it('keeps the current session, ends the others and clears must_change_password', async () => {
			const { id, email } = await newLiaison({ mustChangePassword: true });
			const current = await createSession(db, id, T0);
			const others = [await createSession(db, id, T0), await createSession(db, id, T0)];
			const bystander = await createSession(db, admin.id, T0);
			const newPassword = 'Brand-New-Pass-2';
			passwordsUsed.add(newPassword);
			const currentId = current.token.split('.')[0]!;

			const result = await changeOwnPassword(
				db,
				await userRow(id),
				currentId,
				{ current_password: DEMO_PASSWORD, new_password: newPassword, ip: '10.20.4.1' },
				at(1)
			);
			expect(result).toEqual({ ok: true });
			const row = await userRow(id);
			expect(row).toMatchObject({ must_change_password: 0, version: 2 });
			expect(await verifyPassword(row.password_hash, newPassword)).toBe(true);
			expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(false);
			expect(await sessionIdsOf(db, id)).toEqual([currentId]);
			expect(await validateSessionToken(db, current.token, at(2))).not.toBeNull();
			for (const s of others) expect(await validateSessionToken(db, s.token, at(2))).toBeNull();
			expect(await validateSessionToken(db, bystander.token, at(2))).not.toBeNull();
			expect(await auditRows(db, 'password_changed', id)).toMatchObject([
				{ actor_id: id, ip: '10.20.4.1', at: at(1).toISOString() }
			]);

			expect(
				(await signIn(db, { email, password: DEMO_PASSWORD, ip: '10.20.4.2' }, at(3))).status
			).toBe('invalid');
			expect(
				(await signIn(db, { email, password: newPassword, ip: '10.20.4.2' }, at(3))).status
			).toBe('ok');
		});
	});

	describe('updateOwnProfile', () => {
		it('saves the name and language, bumps the version and audits the change', async () => {
			const { id } = await newLiaison();
			const user = await userRow(id);
			await updateOwnProfile(
				db,
				user,
				{ display_name: 'نام تازه', locale: 'en', ip: '10.20.5.1' },
				at(1)
			);
			expect(await userRow(id)).toMatchObject({
				display_name: 'نام تازه',
				locale: 'en',
				version: 2,
				role: 'liaison',
				email: user.email
			});
			const [audit] = await auditRows(db, 'profile_updated', id);
			expect(audit).toMatchObject({ actor_id: id, ip: '10.20.5.1' });
			expect(JSON.parse(audit!.before!)).toEqual({ display_name: user.display_name, locale: 'fa' });
			expect(JSON.parse(audit!.after!)).toEqual({ display_name: 'نام تازه', locale: 'en' });
		});
	});

	describe('edits that must not overreach', () => {
		it("keeps the part of a user's scope outside the editing admin's districts", async () => {
			userCount += 1;
			const email = `two-districts-${userCount}@demo.test`;
			const id = await insertUser(db, {
				email,
				role: 'liaison',
				passwordHash,
				districtIds: [districtId, other.districtId]
			});
			const row = await userRow(id);
			const result = await updateUser(db, admin, id, row.version, liaisonInput(email), at(1));
			expect(result).toEqual({ ok: true, id });
			expect((await findUserScope(db, row)).districtIds.sort()).toEqual(
				[districtId, other.districtId].sort()
			);
		});

		it('replaces the whole scope when the role changes', async () => {
			userCount += 1;
			const email = `role-change-${userCount}@demo.test`;
			const id = await insertUser(db, {
				email,
				role: 'liaison',
				passwordHash,
				districtIds: [districtId, other.districtId]
			});
			const row = await userRow(id);
			const input = liaisonInput(email, {
				role: 'center_manager',
				district_ids: [],
				center_ids: [centerId]
			});
			expect(await updateUser(db, admin, id, row.version, input, at(1))).toEqual({ ok: true, id });
			expect(await findUserScope(db, await userRow(id))).toEqual({
				districtIds: [],
				centerIds: [centerId],
				schoolId: null
			});
		});

		it('refuses an admin changing their own role, and changes nothing', async () => {
			const before = await userRow(admin.id);
			const input = liaisonInput(before.email);
			expect(await updateUser(db, admin, admin.id, before.version, input, at(1))).toEqual({
				ok: false,
				error: 'own_role',
				field: 'role'
			});
			expect(await userRow(admin.id)).toEqual(before);
		});

		it('does not let an admin reset their own password (that is done at /profile)', async () => {
			const session = await createSession(db, admin.id, T0);
			expect(await resetUserPassword(db, admin, admin.id, TEMP_PASSWORD, at(1))).toEqual({
				ok: false,
				error: 'not_found'
			});
			expect(await validateSessionToken(db, session.token, at(2))).not.toBeNull();
		});

		it('stores emails lower-cased, so the account can sign in with them', async () => {
			userCount += 1;
			const typed = `  Mixed.Case-${userCount}@Demo.TEST `;
			const result = await createUser(
				db,
				admin,
				{ ...liaisonInput(typed), temporary_password: TEMP_PASSWORD },
				at(1)
			);
			expect(result.ok).toBe(true);
			const stored = await userRow((result as { id: number }).id);
			expect(stored.email).toBe(typed.trim().toLowerCase());
			const signedIn = await signIn(
				db,
				{ email: typed, password: TEMP_PASSWORD, ip: '10.9.9.9' },
				at(2)
			);
			expect(signedIn.status).toBe('ok');
		});
	});

	describe('district boundaries', () => {
		it('an admin cannot act on a user outside their districts', async () => {
			const targets = [other.adminId, other.managerId, other.staffId];
			const sessions = await Promise.all(targets.map((id) => createSession(db, id, T0)));
			const before = await Promise.all(targets.map(userRow));
			const notFound = { ok: false, error: 'not_found' };

			for (const id of targets) {
				const row = await userRow(id);
				expect(
					await updateUser(db, admin, id, row.version, liaisonInput(row.email), at(1))
				).toEqual(notFound);
				expect(await setUserActive(db, admin, id, false, at(1))).toEqual(notFound);
				expect(await resetUserPassword(db, admin, id, TEMP_PASSWORD, at(1))).toEqual(notFound);
			}
			expect(await Promise.all(targets.map(userRow))).toEqual(before);
			for (const s of sessions)
				expect(await validateSessionToken(db, s.token, at(2))).not.toBeNull();
		});

		it("the other district's admin cannot act on this district's users", async () => {
			const { id, email } = await newLiaison();
			const staff = await userByEmail(db, 'staff@demo.test');
			const manager = await userByEmail(db, 'manager@demo.test');
			const notFound = { ok: false, error: 'not_found' };
			for (const target of [id, staff.id, manager.id, admin.id]) {
				expect(
					await updateUser(
						db,
						otherAdmin,
						target,
						1,
						{ ...liaisonInput(email), district_ids: [other.districtId] },
						at(1)
					)
				).toEqual(notFound);
				expect(await setUserActive(db, otherAdmin, target, false, at(1))).toEqual(notFound);
				expect(await resetUserPassword(db, otherAdmin, target, TEMP_PASSWORD, at(1))).toEqual(
					notFound
				);
			}
			expect(await userRow(id)).toMatchObject({ active: 1, version: 1, must_change_password: 0 });
			expect((await userRow(staff.id)).active).toBe(1);
		});

		it('an admin without districts can act on nobody', async () => {
			const { id, email } = await newLiaison();
			const nowhere: Actor = { id: admin.id, districtIds: [], ip: null };
			expect(await updateUser(db, nowhere, id, 1, liaisonInput(email), at(1))).toEqual({
				ok: false,
				error: 'not_found'
			});
			expect(await setUserActive(db, nowhere, id, false, at(1))).toEqual({
				ok: false,
				error: 'not_found'
			});
		});
	});

	it('stores none of the plaintext passwords handed to it', async () => {
		expect(passwordsUsed.size).toBeGreaterThanOrEqual(3);
		expect(await findStored(db, [...passwordsUsed, DEMO_PASSWORD])).toEqual([]);
	});
});
