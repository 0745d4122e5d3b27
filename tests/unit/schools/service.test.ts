import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import { inputFromRecord } from '../../../src/lib/server/schools/record.ts';
import { findStoredSchool } from '../../../src/lib/server/schools/store.ts';
import { createSchool, updateSchool } from '../../../src/lib/server/schools/service.ts';
import { schoolChangeErrorMessage } from '../../../src/lib/server/schools/messages.ts';
import { m } from '../../../src/lib/paraglide/messages.js';
import { schoolSchema } from '../../../src/lib/schemas/schools.ts';
import { normalizeForSearch } from '../../../src/lib/search/normalize.ts';
import { auditRows, demoPasswordHash, insertSecondDistrict } from '../users/fixtures.ts';
import {
	createDemoDb,
	neighborhoodId,
	schoolActor,
	schoolIdByCode,
	schoolInput
} from './fixtures.ts';

const T0 = new Date('2026-11-27T09:00:00.000Z');

describe('creating and editing schools', () => {
	let db: DB;
	let admin: Actor;
	let otherAdmin: Actor;
	let dulab: number;
	let otherNeighborhood: number;

	beforeAll(async () => {
		db = await createDemoDb();
		admin = await schoolActor(db, 'admin@demo.test');
		const other = await insertSecondDistrict(db, await demoPasswordHash(db));
		otherAdmin = { id: other.adminId, districtIds: [other.districtId], ip: null };
		dulab = await neighborhoodId(db, 'دولاب');
		otherNeighborhood = await neighborhoodId(db, 'مسعودیه');
	});

	it('creates a school with its enrolment, its search key and an audit entry', async () => {
		const input = schoolSchema.parse(
			schoolInput(dulab, { ministry_code: '۱۴۱۹۹۰۰۱', name: 'دبستان علي', grade_3: '۱۲' })
		);
		const result = await createSchool(db, admin, input, T0);
		expect(result).toEqual({ ok: true, id: expect.any(Number) });
		if (!result.ok) return;
		const stored = await findStoredSchool(db, result.id);
		expect(stored?.record).toMatchObject({
			ministry_code: '14199001',
			name: 'دبستان علی',
			neighborhood_id: dulab,
			address: null,
			enrolment: [
				{ grade: 1, students: 30 },
				{ grade: 2, students: 25 },
				{ grade: 3, students: 12 }
			]
		});
		const row = await db
			.selectFrom('schools')
			.selectAll()
			.where('id', '=', result.id)
			.executeTakeFirstOrThrow();
		expect(row.name_search).toBe(normalizeForSearch('دبستان علی 14199001'));
		const [audit] = await auditRows(db, 'record_created', result.id);
		expect(audit).toMatchObject({
			actor_id: admin.id,
			entity_type: 'school',
			at: T0.toISOString()
		});
		expect(JSON.parse(audit!.after!)).toMatchObject({
			ministry_code: '14199001',
			name: 'دبستان علی'
		});
	});

	it('refuses a ministry code that is taken, with a clear message in both languages', async () => {
		const result = await createSchool(db, admin, schoolInput(dulab, { ministry_code: '14100001' }));
		expect(result).toEqual({ ok: false, error: 'ministry_code_taken', field: 'ministry_code' });
		expect(schoolChangeErrorMessage('ministry_code_taken')).toBe(
			'مدرسهٔ دیگری با این کد وزارتی ثبت شده است.'
		);
		expect(m.schools_ministry_code_taken({}, { locale: 'en' })).toBe(
			'Another school already has this ministry code.'
		);
	});

	it("refuses a neighbourhood outside the admin's districts", async () => {
		const result = await createSchool(
			db,
			admin,
			schoolInput(otherNeighborhood, { ministry_code: '14199002' })
		);
		expect(result).toEqual({ ok: false, error: 'neighborhood_outside', field: 'neighborhood_id' });
		expect(m.schools_neighborhood_outside({}, { locale: 'en' })).toBe(
			'This neighbourhood is not in your districts.'
		);
	});

	it('edits a school, bumps its version, replaces the enrolment and audits before and after', async () => {
		const id = await schoolIdByCode(db, '14100002');
		const before = (await findStoredSchool(db, id))!;
		const input = schoolSchema.parse({
			...schoolInput(before.record.neighborhood_id, {
				ministry_code: '14100002',
				name: 'نام تازه',
				level: 'lower_secondary',
				gender: before.record.gender,
				grade_1: '',
				grade_2: '',
				grade_7: '40'
			}),
			principal_name: 'خانم كريمي'
		});
		const result = await updateSchool(db, admin, id, before.version, input, T0);
		expect(result).toEqual({ ok: true, id });
		const after = (await findStoredSchool(db, id))!;
		expect(after.version).toBe(before.version + 1);
		expect(after.record).toMatchObject({
			name: 'نام تازه',
			principal_name: 'خانم کریمی',
			enrolment: [{ grade: 7, students: 40 }]
		});
		const [audit] = await auditRows(db, 'record_updated', id);
		expect(JSON.parse(audit!.before!)).toEqual(before.record);
		expect(JSON.parse(audit!.after!)).toEqual(after.record);
		const row = await db
			.selectFrom('schools')
			.select('name_search')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.name_search).toBe(normalizeForSearch('نام تازه 14100002'));
	});

	it('refuses a stale edit and writes nothing', async () => {
		const id = await schoolIdByCode(db, '14100003');
		const before = (await findStoredSchool(db, id))!;
		const input = schoolSchema.parse(
			schoolInput(before.record.neighborhood_id, {
				ministry_code: '14100003',
				level: before.record.level,
				name: 'اولی',
				grade_1: '',
				grade_2: ''
			})
		);
		expect(await updateSchool(db, admin, id, before.version, input)).toEqual({ ok: true, id });
		const second = await updateSchool(db, admin, id, before.version, { ...input, name: 'دومی' });
		expect(second).toEqual({ ok: false, error: 'stale' });
		expect((await findStoredSchool(db, id))!.record.name).toBe('اولی');
		expect(m.stale_edit({}, { locale: 'en' })).toMatch(/Someone else changed this record/);
	});

	it('saving an unchanged form writes nothing and leaves no audit entry', async () => {
		const id = await schoolIdByCode(db, '14100004');
		const before = (await findStoredSchool(db, id))!;
		const entries = (await auditRows(db, 'record_updated', id)).length;
		const result = await updateSchool(
			db,
			admin,
			id,
			before.version,
			inputFromRecord(before.record)
		);
		expect(result).toEqual({ ok: true, id });
		expect((await findStoredSchool(db, id))!.version).toBe(before.version);
		expect(await auditRows(db, 'record_updated', id)).toHaveLength(entries);
	});

	it('refuses changing the ministry code to one another school has', async () => {
		const id = await schoolIdByCode(db, '14100005');
		const before = (await findStoredSchool(db, id))!;
		const result = await updateSchool(db, admin, id, before.version, {
			...schoolInput(before.record.neighborhood_id),
			ministry_code: '14100006'
		});
		expect(result).toEqual({ ok: false, error: 'ministry_code_taken', field: 'ministry_code' });
	});

	it("answers not found to another district's admin, and changes nothing", async () => {
		const id = await schoolIdByCode(db, '14100007');
		const before = (await findStoredSchool(db, id))!;
		const result = await updateSchool(db, otherAdmin, id, before.version, {
			...schoolInput(otherNeighborhood),
			ministry_code: '14100007'
		});
		expect(result).toEqual({ ok: false, error: 'not_found' });
		expect((await findStoredSchool(db, id))!).toEqual(before);
	});
});
