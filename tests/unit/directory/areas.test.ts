import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { createArea, updateArea } from '../../../src/lib/server/directory/area-service.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import { updateNeighborhood } from '../../../src/lib/server/directory/neighborhood-service.ts';
import {
	auditRows,
	demoPasswordHash,
	insertSecondDistrict,
	type SecondDistrict
} from '../users/fixtures.ts';
import { actorOf, createDemoDb, idByName, versionOf } from './fixtures.ts';

const T0 = new Date('2026-11-27T09:00:00.000Z');

describe('areas', () => {
	let db: DB;
	let admin: Actor;
	let otherAdmin: Actor;
	let other: SecondDistrict;
	let district14: number;

	beforeAll(async () => {
		db = await createDemoDb();
		admin = await actorOf(db, 'admin@demo.test');
		district14 = admin.districtIds[0]!;
		other = await insertSecondDistrict(db, await demoPasswordHash(db));
		otherAdmin = { id: other.adminId, districtIds: [other.districtId], ip: null };
	});

	async function auditCount(): Promise<number> {
		const row = await db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	}

	it('renames an area, bumps its version and audits before and after', async () => {
		const id = await idByName(db, 'areas', 'ناحیه ۶');
		const version = await versionOf(db, 'areas', id);
		const input = { number: 6, name_fa: 'ناحيه  شش', name_en: 'Area Six' };
		expect(await updateArea(db, admin, id, version, input, T0)).toEqual({ ok: true, id });
		const row = await db
			.selectFrom('areas')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		// Arabic ي and doubled spaces are stored the Persian way.
		expect(row).toMatchObject({ name_fa: 'ناحیه شش', name_en: 'Area Six', version: version + 1 });
		const [audit] = await auditRows(db, 'record_updated', id);
		expect(audit).toMatchObject({ entity_type: 'area', actor_id: admin.id, at: T0.toISOString() });
		expect(JSON.parse(audit!.before!)).toMatchObject({ name_fa: 'ناحیه ۶', name_en: 'Area 6' });
		expect(JSON.parse(audit!.after!)).toMatchObject({ name_fa: 'ناحیه شش', name_en: 'Area Six' });
	});

	it('refuses a stale area form and writes nothing', async () => {
		const id = await idByName(db, 'areas', 'ناحیه ۵');
		const version = await versionOf(db, 'areas', id);
		const before = await auditCount();
		const input = { number: 5, name_fa: 'ناحیه پنج', name_en: 'Area 5' };
		expect(await updateArea(db, admin, id, version - 1, input)).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await versionOf(db, 'areas', id)).toBe(version);
		expect(await auditCount()).toBe(before);
	});

	it('refuses an area number that the district already has', async () => {
		const id = await idByName(db, 'areas', 'ناحیه ۴');
		const version = await versionOf(db, 'areas', id);
		const taken = { number: 3, name_fa: 'ناحیه ۴', name_en: 'Area 4' };
		expect(await updateArea(db, admin, id, version, taken)).toEqual({
			ok: false,
			error: 'area_number_taken',
			field: 'number'
		});
		expect(await createArea(db, admin, district14, taken)).toMatchObject({
			error: 'area_number_taken'
		});
	});

	it('adds an area with an audit entry, only in the admin’s districts', async () => {
		const input = { number: 7, name_fa: 'ناحیه ۷', name_en: 'Area 7' };
		expect(await createArea(db, admin, other.districtId, input)).toEqual({
			ok: false,
			error: 'outside_districts',
			field: 'district_id'
		});
		const result = await createArea(db, admin, district14, input, T0);
		expect(result).toEqual({ ok: true, id: expect.any(Number) });
		const [audit] = await auditRows(db, 'record_created', result.ok ? result.id : -1);
		expect(audit).toMatchObject({ entity_type: 'area', subject: 'ناحیه ۷' });
		expect(JSON.parse(audit!.after!)).toEqual({ district_id: district14, ...input });
	});

	it('answers not found for another district’s area, neighbourhood and admin', async () => {
		const area = await idByName(db, 'areas', 'ناحیه ۱');
		const dulab = await idByName(db, 'neighborhoods', 'دولاب');
		const areaInput = { number: 1, name_fa: 'x', name_en: 'x' };
		expect(await updateArea(db, otherAdmin, area, 1, areaInput)).toEqual({
			ok: false,
			error: 'not_found'
		});
		const n = { name_fa: 'دولاب', name_en: 'Dulab', area_id: area };
		expect(await updateNeighborhood(db, otherAdmin, dulab, 1, n)).toEqual({
			ok: false,
			error: 'not_found'
		});
	});
});
