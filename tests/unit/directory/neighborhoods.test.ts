import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import {
	createNeighborhood,
	updateNeighborhood
} from '../../../src/lib/server/directory/neighborhood-service.ts';
import { directoryTree } from '../../helpers/directory-tree.ts';
import { centerSearchKey, neighborhoodSearchKey } from '../../../src/lib/search/keys.ts';
import {
	auditRows,
	demoPasswordHash,
	insertSecondDistrict,
	type SecondDistrict
} from '../users/fixtures.ts';
import {
	actorOf,
	createDemoDb,
	idByName,
	neighborhoodNames,
	scopedUser,
	versionOf
} from './fixtures.ts';

const T0 = new Date('2026-11-27T09:00:00.000Z');

describe('neighbourhoods', () => {
	let db: DB;
	let admin: Actor;
	let other: SecondDistrict;
	let district14: number;

	beforeAll(async () => {
		db = await createDemoDb();
		admin = await actorOf(db, 'admin@demo.test');
		district14 = admin.districtIds[0]!;
		other = await insertSecondDistrict(db, await demoPasswordHash(db));
	});

	it('renames a neighbourhood’s English name, rewriting its search key', async () => {
		const id = await idByName(db, 'neighborhoods', 'آهنگ');
		const row = await db
			.selectFrom('neighborhoods')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		const input = { name_fa: 'آهنگ', name_en: 'Ahang Quarter', area_id: row.area_id };
		expect(await updateNeighborhood(db, admin, id, row.version, input, T0)).toEqual({
			ok: true,
			id
		});
		const after = await db
			.selectFrom('neighborhoods')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(after.name_search).toBe(neighborhoodSearchKey(input));
		const user = await scopedUser(db, 'admin@demo.test');
		expect(neighborhoodNames(await directoryTree(db, { user, query: 'ahang quarter' }))).toEqual([
			'آهنگ'
		]);
		const [audit] = await auditRows(db, 'record_updated', id);
		expect(audit).toMatchObject({ entity_type: 'neighborhood' });
		expect(JSON.parse(audit!.before!)).toMatchObject({ name_en: 'Ahang' });
		expect(JSON.parse(audit!.after!)).toMatchObject({ name_en: 'Ahang Quarter' });
	});

	it('moves a neighbourhood to another area of its district', async () => {
		const id = await idByName(db, 'neighborhoods', 'ابوذر');
		const target = await idByName(db, 'areas', 'ناحیه ۳');
		const row = await db
			.selectFrom('neighborhoods')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.area_id).not.toBe(target);
		const input = { name_fa: 'ابوذر', name_en: 'Abuzar', area_id: target };
		expect(await updateNeighborhood(db, admin, id, row.version, input)).toEqual({ ok: true, id });
		const user = await scopedUser(db, 'admin@demo.test');
		const tree = await directoryTree(db, { user, areaId: target });
		expect(neighborhoodNames(tree)).toContain('ابوذر');
		const [audit] = (await auditRows(db, 'record_updated', id)).slice(-1);
		expect(JSON.parse(audit!.before!).area_id).toBe(row.area_id);
		expect(JSON.parse(audit!.after!).area_id).toBe(target);
	});

	it('refuses an area of another district, and a stale neighbourhood form', async () => {
		const id = await idByName(db, 'neighborhoods', 'جابری');
		const version = await versionOf(db, 'neighborhoods', id);
		const otherArea = await idByName(db, 'areas', 'ناحیه ۱');
		const foreign = (
			await db
				.selectFrom('areas')
				.select('id')
				.where('district_id', '=', other.districtId)
				.executeTakeFirstOrThrow()
		).id;
		const input = { name_fa: 'جابری', name_en: 'Jaberi', area_id: foreign };
		expect(await updateNeighborhood(db, admin, id, version, input)).toEqual({
			ok: false,
			error: 'outside_districts',
			field: 'area_id'
		});
		// An admin of both districts still cannot move it across districts.
		const both = { ...admin, districtIds: [district14, other.districtId] };
		expect(await updateNeighborhood(db, both, id, version, input)).toEqual({
			ok: false,
			error: 'area_other_district',
			field: 'area_id'
		});
		const stale = { ...input, area_id: otherArea };
		expect(await updateNeighborhood(db, admin, id, version + 1, stale)).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await versionOf(db, 'neighborhoods', id)).toBe(version);
	});

	it('refuses a neighbourhood name the district already has, however it is typed', async () => {
		const id = await idByName(db, 'neighborhoods', 'شیوا');
		const row = await db
			.selectFrom('neighborhoods')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		const input = { name_fa: 'شكوفه', name_en: 'Shiva', area_id: row.area_id };
		expect(await updateNeighborhood(db, admin, id, row.version, input)).toEqual({
			ok: false,
			error: 'neighborhood_name_taken',
			field: 'name_fa'
		});
		expect(
			await createNeighborhood(
				db,
				admin,
				{ ...input, name_fa: 'دو لاب' },
				{ name: '', address: '', phone: '' }
			)
		).toMatchObject({ error: 'neighborhood_name_taken' });
	});

	it('adds a neighbourhood together with its centre, both audited', async () => {
		const area = await idByName(db, 'areas', 'ناحیه ۲');
		const input = { name_fa: 'محلهٔ آزمایشی', name_en: 'Test Quarter', area_id: area };
		const center = { name: '', address: 'خیابان پیروزی', phone: '۰۲۱-۳۳۴۴۵۵۶۶' };
		const result = await createNeighborhood(db, admin, input, center, T0);
		expect(result).toEqual({ ok: true, id: expect.any(Number) });
		const id = result.ok ? result.id : -1;
		const created = await db
			.selectFrom('centers')
			.selectAll()
			.where('neighborhood_id', '=', id)
			.execute();
		expect(created).toHaveLength(1);
		expect(created[0]).toMatchObject({
			name: 'سرای محله محلهٔ آزمایشی',
			address: 'خیابان پیروزی',
			phone: '021-33445566',
			name_search: centerSearchKey({ name: 'سرای محله محلهٔ آزمایشی' })
		});
		expect((await auditRows(db, 'record_created', id)).map((a) => a.entity_type)).toContain(
			'neighborhood'
		);
		expect(
			(await auditRows(db, 'record_created', created[0]!.id)).map((a) => a.entity_type)
		).toContain('center');
		const user = await scopedUser(db, 'admin@demo.test');
		expect(neighborhoodNames(await directoryTree(db, { user, query: 'test quarter' }))).toEqual([
			'محلهٔ آزمایشی'
		]);
		const foreignArea = { ...input, name_fa: 'دیگر', area_id: 9999 };
		expect(await createNeighborhood(db, admin, foreignArea, center)).toEqual({
			ok: false,
			error: 'outside_districts',
			field: 'area_id'
		});
	});
});
