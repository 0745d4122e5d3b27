import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { findManagerOptions } from '../../../src/lib/server/directory/center-managers.ts';
import { updateCenter } from '../../../src/lib/server/directory/center-service.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import { findUserScope } from '../../../src/lib/server/users/repository.ts';
import { centerSearchKey } from '../../../src/lib/search/keys.ts';
import {
	auditRows,
	demoPasswordHash,
	insertSecondDistrict,
	insertUser,
	userByEmail,
	type SecondDistrict
} from '../users/fixtures.ts';
import { actorOf, centerIdOf, createDemoDb, versionOf } from './fixtures.ts';

const T0 = new Date('2026-11-27T09:00:00.000Z');

describe('community centres and their managers', () => {
	let db: DB;
	let admin: Actor;
	let other: SecondDistrict;
	let managerId: number;
	let manager2Id: number;

	beforeAll(async () => {
		db = await createDemoDb();
		admin = await actorOf(db, 'admin@demo.test');
		other = await insertSecondDistrict(db, await demoPasswordHash(db));
		managerId = (await userByEmail(db, 'manager@demo.test')).id;
		manager2Id = (await userByEmail(db, 'manager2@demo.test')).id;
	});

	const centerInput = (managerIds: number[]) => ({
		name: 'سرای محله شیوا',
		address: 'تهران، خیابان شیوا',
		phone: '۰۲۱ ۳۳۴۴ ۱۰۱۵',
		manager_ids: managerIds
	});

	it('offers the district’s active centre managers, and no one else', async () => {
		const center = await centerIdOf(db, 'شیوا');
		await insertUser(db, {
			email: 'retired.manager@demo.test',
			role: 'center_manager',
			passwordHash: await demoPasswordHash(db),
			centerIds: [await centerIdOf(db, 'شاهین')],
			active: false
		});
		const options = await findManagerOptions(db, center, admin.districtIds);
		expect(options.map((o) => o.id).sort()).toEqual([managerId, manager2Id].sort());
		expect(await findManagerOptions(db, center, [other.districtId])).toEqual([
			expect.objectContaining({ id: other.managerId })
		]);
	});

	it('saves name, address, phone and managers, with their audit entry', async () => {
		const center = await centerIdOf(db, 'شیوا');
		const version = await versionOf(db, 'centers', center);
		const managerVersion = (await userByEmail(db, 'manager2@demo.test')).version;
		const result = await updateCenter(db, admin, center, version, centerInput([manager2Id]), T0);
		expect(result).toEqual({ ok: true, id: center });
		const row = await db
			.selectFrom('centers')
			.selectAll()
			.where('id', '=', center)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			address: 'تهران، خیابان شیوا',
			phone: '021 3344 1015',
			name_search: centerSearchKey({ name: 'سرای محله شیوا' }),
			version: version + 1
		});
		const manager2 = await userByEmail(db, 'manager2@demo.test');
		expect((await findUserScope(db, manager2)).centerIds).toContain(center);
		// The account changed too: an open form for it is now stale.
		expect(manager2.version).toBe(managerVersion + 1);
		const [audit] = await auditRows(db, 'record_updated', center);
		expect(audit).toMatchObject({ entity_type: 'center', actor_id: admin.id });
		expect(JSON.parse(audit!.before!)).toMatchObject({ manager_ids: [], managers: [] });
		expect(JSON.parse(audit!.after!)).toMatchObject({
			manager_ids: [manager2Id],
			managers: ['manager2@demo.test']
		});
	});

	it('removes a manager who still runs another centre', async () => {
		const center = await centerIdOf(db, 'شیوا');
		const result = await updateCenter(
			db,
			admin,
			center,
			await versionOf(db, 'centers', center),
			centerInput([])
		);
		expect(result).toEqual({ ok: true, id: center });
		const manager2 = await userByEmail(db, 'manager2@demo.test');
		expect((await findUserScope(db, manager2)).centerIds).not.toContain(center);
	});

	it('refuses to leave a manager without any centre', async () => {
		const passwordHash = await demoPasswordHash(db);
		const center = await centerIdOf(db, 'فرزانه');
		const only = await insertUser(db, {
			email: 'only.one@demo.test',
			role: 'center_manager',
			passwordHash,
			displayName: 'مدیر تک‌سرا',
			centerIds: [center]
		});
		const version = await versionOf(db, 'centers', center);
		expect(await updateCenter(db, admin, center, version, centerInput([]))).toEqual({
			ok: false,
			error: 'manager_last_center',
			field: 'manager_ids',
			name: 'مدیر تک‌سرا'
		});
		expect((await findUserScope(db, { id: only, school_id: null })).centerIds).toEqual([center]);
		expect(await versionOf(db, 'centers', center)).toBe(version);
	});

	it('refuses a manager from another district, another role or no one', async () => {
		const center = await centerIdOf(db, 'شیوا');
		const version = await versionOf(db, 'centers', center);
		const liaison = (await userByEmail(db, 'liaison@demo.test')).id;
		for (const id of [other.managerId, liaison, 99999]) {
			expect(await updateCenter(db, admin, center, version, centerInput([id]))).toEqual({
				ok: false,
				error: 'manager_invalid',
				field: 'manager_ids'
			});
		}
	});

	it('refuses a stale form and writes nothing', async () => {
		const center = await centerIdOf(db, 'دولاب');
		const version = await versionOf(db, 'centers', center);
		const before = await auditRows(db, 'record_updated', center);
		const input = { ...centerInput([managerId]), name: 'سرای محله دولاب (تازه)' };
		expect(await updateCenter(db, admin, center, version - 1, input)).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await versionOf(db, 'centers', center)).toBe(version);
		expect(await auditRows(db, 'record_updated', center)).toEqual(before);
	});

	it('answers not found to another district’s admin', async () => {
		const center = await centerIdOf(db, 'دولاب');
		const otherAdmin = { id: other.adminId, districtIds: [other.districtId], ip: null };
		expect(await updateCenter(db, otherAdmin, center, 1, centerInput([]))).toEqual({
			ok: false,
			error: 'not_found'
		});
	});
});
