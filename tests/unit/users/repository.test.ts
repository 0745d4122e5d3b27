import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { demoAccounts } from '../../../src/lib/server/demo/accounts.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import {
	findUserByEmail,
	findUserById,
	findUserScope,
	isUserInDistricts,
	listUsersInDistricts,
	USER_PAGE_SIZE
} from '../../../src/lib/server/users/repository.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import {
	demoDistrictId,
	demoPasswordHash,
	insertSecondDistrict,
	insertUser,
	userByEmail,
	type SecondDistrict
} from './fixtures.ts';

const BULK = 25;
const bulkEmail = (i: number) => `bulk-${String(i).padStart(2, '0')}@demo.test`;

describe('user repository', () => {
	let db: DB;
	let districtId: number;
	let other: SecondDistrict;
	let inactiveId: number;
	const demoEmails = demoAccounts.map((a) => a.email);

	beforeAll(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		const passwordHash = await demoPasswordHash(db);
		districtId = await demoDistrictId(db);
		other = await insertSecondDistrict(db, passwordHash);
		for (let i = 1; i <= BULK; i++) {
			await insertUser(db, {
				email: bulkEmail(i),
				displayName: `Bulk liaison ${i}`,
				role: 'liaison',
				passwordHash,
				districtIds: [districtId]
			});
		}
		inactiveId = await insertUser(db, {
			email: 'gone@demo.test',
			role: 'liaison',
			passwordHash,
			districtIds: [districtId],
			active: false
		});
	});

	describe('listUsersInDistricts', () => {
		it('pages the active users of the district by email, with the total', async () => {
			expect(USER_PAGE_SIZE).toBe(20);
			const all = [
				...demoEmails,
				...Array.from({ length: BULK }, (_, i) => bulkEmail(i + 1))
			].sort();
			expect(all).toHaveLength(31);

			const first = await listUsersInDistricts(db, [districtId], {}, 1);
			const second = await listUsersInDistricts(db, [districtId], {}, 2);
			const third = await listUsersInDistricts(db, [districtId], {}, 3);
			expect(first.total).toBe(31);
			expect(second.total).toBe(31);
			expect(first.rows).toHaveLength(USER_PAGE_SIZE);
			expect(second.rows).toHaveLength(31 - USER_PAGE_SIZE);
			expect(third).toEqual({ rows: [], total: 31 });
			expect([...first.rows, ...second.rows].map((r) => r.email)).toEqual(all);
		});

		it('returns only the listed columns: no password hash', async () => {
			const { rows } = await listUsersInDistricts(db, [districtId], { query: 'admin@' }, 1);
			expect(rows).toHaveLength(1);
			expect(Object.keys(rows[0]!).sort()).toEqual([
				'active',
				'display_name',
				'email',
				'id',
				'must_change_password',
				'role'
			]);
		});

		it('finds users by part of their email or name, whatever the case', async () => {
			const byEmail = await listUsersInDistricts(db, [districtId], { query: 'manager' }, 1);
			expect(byEmail.rows.map((r) => r.email)).toEqual(['manager2@demo.test', 'manager@demo.test']);
			expect(byEmail.total).toBe(2);

			const upper = await listUsersInDistricts(db, [districtId], { query: '  MANAGER2@ ' }, 1);
			expect(upper.rows.map((r) => r.email)).toEqual(['manager2@demo.test']);

			const byName = await listUsersInDistricts(db, [districtId], { query: 'شاهین' }, 1);
			expect(byName.rows.map((r) => r.email).sort()).toEqual([
				'manager2@demo.test',
				'staff2@demo.test'
			]);

			const none = await listUsersInDistricts(db, [districtId], { query: 'nobody-here' }, 1);
			expect(none).toEqual({ rows: [], total: 0 });
		});

		it('pages a search, counting every match', async () => {
			const first = await listUsersInDistricts(db, [districtId], { query: 'bulk-' }, 1);
			const second = await listUsersInDistricts(db, [districtId], { query: 'bulk-' }, 2);
			expect(first.total).toBe(BULK);
			expect(first.rows).toHaveLength(USER_PAGE_SIZE);
			expect(second.rows.map((r) => r.email)).toEqual(
				Array.from({ length: BULK - USER_PAGE_SIZE }, (_, i) => bulkEmail(USER_PAGE_SIZE + i + 1))
			);
			const tens = await listUsersInDistricts(db, [districtId], { query: 'bulk-1' }, 1);
			expect(tens.total).toBe(10);
		});

		it('filters by role, alone and with a search', async () => {
			const managers = await listUsersInDistricts(db, [districtId], { role: 'center_manager' }, 1);
			expect(managers.rows.map((r) => r.email)).toEqual([
				'manager2@demo.test',
				'manager@demo.test'
			]);
			expect(managers.rows.every((r) => r.role === 'center_manager')).toBe(true);
			expect(managers.total).toBe(2);

			const liaisons = await listUsersInDistricts(db, [districtId], { role: 'liaison' }, 1);
			expect(liaisons.total).toBe(BULK + 1);
			expect(liaisons.rows.every((r) => r.role === 'liaison')).toBe(true);

			const staff2 = await listUsersInDistricts(
				db,
				[districtId],
				{ role: 'school_staff', query: 'staff2' },
				1
			);
			expect(staff2.rows.map((r) => r.email)).toEqual(['staff2@demo.test']);
			const noAdminBulk = await listUsersInDistricts(
				db,
				[districtId],
				{ role: 'admin', query: 'bulk' },
				1
			);
			expect(noAdminBulk).toEqual({ rows: [], total: 0 });
		});

		it('hides inactive users unless asked for them', async () => {
			const hidden = await listUsersInDistricts(db, [districtId], { query: 'gone@' }, 1);
			expect(hidden).toEqual({ rows: [], total: 0 });
			const shown = await listUsersInDistricts(
				db,
				[districtId],
				{ query: 'gone@', includeInactive: true },
				1
			);
			expect(shown.rows).toMatchObject([{ id: inactiveId, email: 'gone@demo.test', active: 0 }]);
			expect(
				(await listUsersInDistricts(db, [districtId], { includeInactive: true }, 1)).total
			).toBe(32);
		});

		it('lists only the users whose scope lies in the given districts', async () => {
			const mine = await listUsersInDistricts(db, [districtId], { query: 'other.test' }, 1);
			expect(mine).toEqual({ rows: [], total: 0 });

			const theirs = await listUsersInDistricts(db, [other.districtId], {}, 1);
			expect(theirs.rows.map((r) => r.email)).toEqual([
				'admin15@other.test',
				'manager15@other.test',
				'staff15@other.test'
			]);
			expect(theirs.total).toBe(3);

			expect((await listUsersInDistricts(db, [districtId, other.districtId], {}, 1)).total).toBe(
				34
			);
			expect(await listUsersInDistricts(db, [], {}, 1)).toEqual({ rows: [], total: 0 });
		});
	});

	describe('isUserInDistricts', () => {
		it('places admins and liaisons by district, managers by centre and staff by school', async () => {
			for (const email of demoEmails) {
				const user = await userByEmail(db, email);
				expect(await isUserInDistricts(db, user.id, [districtId]), email).toBe(true);
				expect(await isUserInDistricts(db, user.id, [other.districtId]), email).toBe(false);
				expect(await isUserInDistricts(db, user.id, [other.districtId, districtId]), email).toBe(
					true
				);
			}
			for (const id of [other.adminId, other.managerId, other.staffId]) {
				expect(await isUserInDistricts(db, id, [other.districtId])).toBe(true);
				expect(await isUserInDistricts(db, id, [districtId])).toBe(false);
			}
		});

		it('is false for no districts and for an unknown user', async () => {
			const admin = await userByEmail(db, 'admin@demo.test');
			expect(await isUserInDistricts(db, admin.id, [])).toBe(false);
			expect(await isUserInDistricts(db, 999_999, [districtId])).toBe(false);
		});

		it('includes inactive users, so an admin can reactivate them', async () => {
			expect(await isUserInDistricts(db, inactiveId, [districtId])).toBe(true);
		});
	});

	describe('lookups', () => {
		it('finds users by exact email and by id', async () => {
			const staff = await findUserByEmail(db, 'staff@demo.test');
			expect(staff?.role).toBe('school_staff');
			expect(await findUserById(db, staff!.id)).toEqual(staff);
			expect(await findUserByEmail(db, 'nobody@demo.test')).toBeNull();
			expect(await findUserById(db, 999_999)).toBeNull();
		});

		it("reads a user's scope", async () => {
			const manager = await userByEmail(db, 'manager@demo.test');
			const scope = await findUserScope(db, manager);
			expect(scope.districtIds).toEqual([]);
			expect(scope.centerIds).toHaveLength(2);
			expect(scope.schoolId).toBeNull();
			const liaison = await userByEmail(db, 'liaison@demo.test');
			expect(await findUserScope(db, liaison)).toEqual({
				districtIds: [districtId],
				centerIds: [],
				schoolId: null
			});
		});
	});
});
