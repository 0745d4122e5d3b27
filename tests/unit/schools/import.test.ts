import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import { commitImport, previewImport } from '../../../src/lib/server/schools/import/service.ts';
import { findStoredSchoolsByCode } from '../../../src/lib/server/schools/store.ts';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import { auditRows, demoPasswordHash, insertSecondDistrict } from '../users/fixtures.ts';
import { createDemoDb, csvText, IMPORT_HEADER, schoolActor, snapshotSchools } from './fixtures.ts';
import { blanks, goodRows, row, table } from './import-fixtures.ts';

const T0 = new Date('2026-11-27T09:00:00.000Z');

describe('importing schools', () => {
	let db: DB;
	let admin: Actor;

	beforeEach(async () => {
		db = await createDemoDb();
		admin = await schoolActor(db, 'admin@demo.test');
	});

	it('imports a good file: creates, updates and leaves identical schools alone, with one audit entry', async () => {
		const file = await table(csvText([IMPORT_HEADER, ...goodRows]));
		expect(await previewImport(db, admin, file)).toEqual({
			ok: true,
			rows: 3,
			counts: { created: 3, updated: 0, unchanged: 0 }
		});
		expect(await db.selectFrom('schools').select('id').execute()).toHaveLength(40);

		const result = await commitImport(db, admin, file, 'schools.csv', T0);
		expect(result).toEqual({ ok: true, rows: 3, counts: { created: 3, updated: 0, unchanged: 0 } });
		const stored = await findStoredSchoolsByCode(db, ['14200001', '14200002', '14200003']);
		expect(stored.get('14200002')!.record).toMatchObject({
			level: 'lower_secondary',
			gender: 'boys',
			address: 'خیابان نمونه',
			enrolment: [
				{ grade: 7, students: 40 },
				{ grade: 8, students: 41 },
				{ grade: 9, students: 42 }
			]
		});
		expect(stored.get('14200003')!.record.enrolment.at(-1)).toEqual({ grade: 12, students: 0 });
		const [audit] = await auditRows(db, 'schools_imported');
		expect(audit).toMatchObject({
			actor_id: admin.id,
			subject: 'schools.csv',
			at: T0.toISOString()
		});
		expect(JSON.parse(audit!.after!)).toMatchObject({ created: 3, updated: 0, unchanged: 0 });

		const changed = [...goodRows];
		changed[0] = row(
			'14200001',
			'دبستان نو',
			'primary',
			'girls',
			'دولاب',
			[30, 31, 32, 33, 34, 99]
		);
		const second = await commitImport(
			db,
			admin,
			await table(csvText([IMPORT_HEADER, ...changed])),
			'b.csv'
		);
		expect(second).toMatchObject({ ok: true, counts: { created: 0, updated: 1, unchanged: 2 } });
		const version = await findStoredSchoolsByCode(db, ['14200001', '14200002']);
		expect(version.get('14200001')!.version).toBe(2);
		expect(version.get('14200002')!.version).toBe(1);
	});

	it('importing the same file again changes nothing', async () => {
		const text = csvText([IMPORT_HEADER, ...goodRows]);
		await commitImport(db, admin, await table(text), 'schools.csv');
		const before = await snapshotSchools(db);
		const again = await commitImport(db, admin, await table(text), 'schools.csv');
		expect(again).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 3 } });
		expect(await snapshotSchools(db)).toEqual(before);
		expect(await auditRows(db, 'schools_imported')).toHaveLength(1);
	});

	it('normalises Persian and Arabic digits and Arabic ي/ك in values', async () => {
		const rows = [
			row('۱۴۲۰۰۰۱۱', 'دبستان علي كوچك', 'ابتدايي', 'دخترانه', 'دولاب', ['۳۰', '٤٥']),
			row('١٤٢٠٠٠١٢', 'مدرسه  ٢٢ بهمن', 'primary', 'boys', 'سرآسياب دولاب', [1])
		];
		const result = await commitImport(
			db,
			admin,
			await table(csvText([IMPORT_HEADER, ...rows])),
			'x.csv'
		);
		expect(result.ok).toBe(true);
		const stored = await findStoredSchoolsByCode(db, ['14200011', '14200012']);
		expect(stored.get('14200011')!.record).toMatchObject({
			name: 'دبستان علی کوچک',
			enrolment: [
				{ grade: 1, students: 30 },
				{ grade: 2, students: 45 }
			]
		});
		expect(stored.get('14200012')!.record.name).toBe('مدرسه ۲۲ بهمن');
	});

	it('lists every error by row and column and writes nothing', async () => {
		const before = await snapshotSchools(db);
		const rows = [
			goodRows[0]!,
			row('', 'بی‌کد', 'primary', 'girls', 'دولاب', [1]),
			row('14200021', '', 'دانشگاه', 'مختلط', 'ونک', [-1]),
			row('14200022', 'ابتدایی با پایهٔ هفتم', 'primary', 'boys', 'دولاب', [...blanks(6), 30]),
			row('14200001', 'کد تکراری', 'primary', 'boys', 'دولاب', [1]),
			row('14200023', 'متن در پایه', 'primary', 'boys', 'دولاب', ['سی'])
		];
		const result = await commitImport(
			db,
			admin,
			await table(csvText([IMPORT_HEADER, ...rows])),
			'bad.csv'
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map((e) => [e.row, e.column])).toEqual([
			[3, 'ministry_code'],
			[4, 'name'],
			[4, 'level'],
			[4, 'gender'],
			[4, 'neighborhood'],
			[4, 'grade_1'],
			[5, 'grade_7'],
			[6, 'ministry_code'],
			[7, 'grade_1']
		]);
		expect(result.errors[2]!.message).toBe(
			'مقطع «دانشگاه» شناخته نشد: ابتدایی، متوسطه اول یا متوسطه دوم (primary، lower_secondary، upper_secondary).'
		);
		expect(result.errors[4]!.message).toBe('محله‌ای به نام «ونک» در منطقه‌های شما نیست.');
		expect(result.errors[7]!.message).toBe('همین کد وزارتی در ردیف ۲ هم آمده است.');
		expect(await snapshotSchools(db)).toEqual(before);
		expect(await auditRows(db, 'schools_imported')).toHaveLength(0);
	});

	it('gives the errors in English on English pages', async () => {
		const rows = [row('14200031', 'x', 'college', 'boys', 'Nowhere', [1])];
		try {
			overwriteGetLocale(() => 'en');
			const result = await previewImport(db, admin, await table(csvText([IMPORT_HEADER, ...rows])));
			expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
				'Unknown level “college”: write primary, lower_secondary or upper_secondary (or ابتدایی, متوسطه اول, متوسطه دوم).',
				'No neighbourhood named “Nowhere” in your districts.'
			]);
		} finally {
			overwriteGetLocale(() => 'fa');
		}
	});

	it('reports unknown and missing columns on row 1', async () => {
		const result = await previewImport(
			db,
			admin,
			await table(
				csvText([
					['ministry_code', 'name', 'level', 'colour'],
					['1', 'x', 'primary', 'red']
				])
			)
		);
		expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column])).toEqual([
			[1, 'colour'],
			[1, 'gender'],
			[1, 'neighborhood']
		]);
	});

	it("refuses ministry codes of another district's schools", async () => {
		await insertSecondDistrict(db, await demoPasswordHash(db));
		const rows = [row('15900001', 'دبستان مسعودیه', 'primary', 'girls', 'دولاب', [1])];
		const result = await previewImport(db, admin, await table(csvText([IMPORT_HEADER, ...rows])));
		expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
			[2, 'ministry_code', 'این کد وزارتی از آنِ مدرسه‌ای بیرون از منطقه‌های شماست.']
		]);
	});
});
