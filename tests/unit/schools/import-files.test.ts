import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import { readImportFile } from '../../../src/lib/server/schools/import/read-file.ts';
import { commitImport } from '../../../src/lib/server/schools/import/service.ts';
import { findStoredSchoolsByCode } from '../../../src/lib/server/schools/store.ts';
import { createDemoDb, csvText, IMPORT_HEADER, schoolActor } from './fixtures.ts';
import { blanks, goodRows, table } from './import-fixtures.ts';

describe('reading school files', () => {
	let db: DB;
	let admin: Actor;

	beforeEach(async () => {
		db = await createDemoDb();
		admin = await schoolActor(db, 'admin@demo.test');
	});

	it('reads UTF-8 with and without a BOM alike', async () => {
		const text = csvText([IMPORT_HEADER, ...goodRows]);
		const withBom = await table('\uFEFF' + text);
		expect(withBom).toEqual(await table(text));
		expect(withBom.header[0]).toBe('ministry_code');
	});

	it('imports an XLSX file built in Excel, numbers and all', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('مدرسه‌ها');
		sheet.addRow(IMPORT_HEADER);
		sheet.addRow([14200041, 'دبستان اکسل', 'ابتدایی', 'پسرانه', 'دولاب', null, null, null, 20, 21]);
		sheet.addRow([]);
		sheet.addRow([
			'14200042',
			'دبیرستان اکسل',
			'upper_secondary',
			'girls',
			'Dulab',
			'',
			'',
			'',
			...blanks(9),
			5
		]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const file = await table(bytes, 'schools.xlsx');
		expect(file.rows.map((r) => r.row)).toEqual([2, 4]);
		const result = await commitImport(db, admin, file, 'schools.xlsx');
		expect(result).toMatchObject({ ok: true, counts: { created: 2, updated: 0, unchanged: 0 } });
		const stored = await findStoredSchoolsByCode(db, ['14200041', '14200042']);
		expect(stored.get('14200041')!.record.enrolment).toEqual([
			{ grade: 1, students: 20 },
			{ grade: 2, students: 21 }
		]);
		expect(stored.get('14200042')!.record.enrolment).toEqual([{ grade: 10, students: 5 }]);
	});

	it('refuses files it cannot read, with the reason', async () => {
		const read = (bytes: Uint8Array, name = 'a.csv') => readImportFile(name, bytes);
		expect(await read(new Uint8Array())).toMatchObject({ ok: false, problem: 'empty' });
		// «مدرسه» in Windows-1256, as Excel's plain "CSV" writes it on a Persian Windows.
		const cp1256 = new Uint8Array([0x6d, 0x6f, 0x0a, 0xe3, 0xcf, 0xd1, 0xd3, 0xe5]);
		expect(await read(cp1256)).toMatchObject({ ok: false, problem: 'not_utf8' });
		expect(await read(new TextEncoder().encode('a,b\n"x,1\n'))).toMatchObject({
			ok: false,
			problem: 'csv_invalid',
			line: 2
		});
		expect(await read(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'a.xlsx')).toMatchObject({
			ok: false,
			problem: 'unreadable'
		});
		expect(await read(new Uint8Array(10 * 1024 * 1024 + 1))).toMatchObject({
			ok: false,
			problem: 'too_large'
		});
		const tooMany = csvText([
			IMPORT_HEADER.slice(0, 1),
			...Array.from({ length: 20_001 }, (_, i) => [i])
		]);
		expect(await read(new TextEncoder().encode(tooMany))).toMatchObject({
			ok: false,
			problem: 'too_many_rows'
		});
	});

	it('reads a CSV that Excel wrote with semicolons', async () => {
		const text = [IMPORT_HEADER, goodRows[0]!].map((r) => r.join(';')).join('\n');
		const result = await commitImport(db, admin, await table(text), 'semi.csv');
		expect(result).toMatchObject({ ok: true, counts: { created: 1 } });
	});
});
