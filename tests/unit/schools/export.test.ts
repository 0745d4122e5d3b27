import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { schoolsCsv, schoolsXlsx } from '../../../src/lib/server/schools/export/files.ts';
import { findExportRows } from '../../../src/lib/server/schools/export/rows.ts';
import { cellsByColumn, readHeader } from '../../../src/lib/server/schools/import/header.ts';
import { readImportFile } from '../../../src/lib/server/schools/import/read-file.ts';
import { commitImport } from '../../../src/lib/server/schools/import/service.ts';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import {
	createDemoDb,
	IMPORT_HEADER,
	neighborhoodId,
	schoolActor,
	scopedUser,
	snapshotSchools
} from './fixtures.ts';

describe('exporting the school list', () => {
	let db: DB;

	beforeAll(async () => {
		db = await createDemoDb();
	});

	it('writes CSV with a BOM and the import columns, and it parses back to the same rows', async () => {
		const admin = await scopedUser(db, 'admin@demo.test');
		const { header, rows } = await findExportRows(db, admin, {});
		expect(header).toEqual(IMPORT_HEADER);
		expect(rows).toHaveLength(40);
		const csv = schoolsCsv(header, rows);
		const bytes = Buffer.from(csv, 'utf8');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const parsed = parse(bytes, { bom: true }) as string[][];
		expect(parsed[0]).toEqual(IMPORT_HEADER);
		expect(parsed.slice(1)).toEqual(rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
		const first = parsed.find((r) => r[0] === '14100001')!;
		expect(first.slice(2, 4)).toEqual(['ابتدایی', 'پسرانه']);
	});

	it('exports within scope and with the same filters as the page', async () => {
		const staff = await scopedUser(db, 'staff@demo.test');
		expect((await findExportRows(db, staff, {})).rows).toHaveLength(1);
		const admin = await scopedUser(db, 'admin@demo.test');
		const dulab = await neighborhoodId(db, 'دولاب');
		const { rows } = await findExportRows(db, admin, { neighborhoodId: dulab, query: 'دبيرستان' });
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r[4] === 'دولاب' && String(r[1]).includes('دبیرستان'))).toBe(true);
	});

	it('keeps text that looks like a formula from running in Excel, and imports it back as typed', async () => {
		const csv = schoolsCsv(['name', 'phone'], [['=HYPERLINK("x")', '+98 21 1234']]);
		expect(parse(csv, { bom: true })[1]).toEqual([`'=HYPERLINK("x")`, '+98 21 1234']);
		const read = await readImportFile('a.csv', new TextEncoder().encode(csv));
		if (!read.ok) throw new Error(read.problem);
		const values = cellsByColumn(readHeader(read.table.header).index, read.table.rows[0]!.cells);
		expect(values).toMatchObject({ name: '=HYPERLINK("x")', phone: '+98 21 1234' });
	});

	it('writes an XLSX that opens with exceljs, right to left for Persian', async () => {
		const admin = await scopedUser(db, 'admin@demo.test');
		const { header, rows } = await findExportRows(db, admin, {});
		const bytes = await schoolsXlsx(header, rows, { rightToLeft: true, sheetName: 'مدرسه‌ها' });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe('مدرسه‌ها');
		expect(sheet.views[0]?.rightToLeft).toBe(true);
		expect(sheet.rowCount).toBe(41);
		expect(sheet.getRow(1).values).toEqual([undefined, ...IMPORT_HEADER]);
		expect(sheet.getRow(2).getCell(2).text).toBe(String(rows[0]![1]));
	});

	it('an exported file, CSV or XLSX, in either language, imports again without changing anything', async () => {
		const admin = await scopedUser(db, 'admin@demo.test');
		const actor = await schoolActor(db, 'admin@demo.test');
		const before = await snapshotSchools(db);
		for (const locale of ['fa', 'en'] as const) {
			try {
				overwriteGetLocale(() => locale);
				const { header, rows } = await findExportRows(db, admin, {});
				const files = [
					{ name: 'schools.csv', bytes: new TextEncoder().encode(schoolsCsv(header, rows)) },
					{
						name: 'schools.xlsx',
						bytes: await schoolsXlsx(header, rows, { rightToLeft: locale === 'fa', sheetName: 'x' })
					}
				];
				for (const file of files) {
					const read = await readImportFile(file.name, file.bytes);
					if (!read.ok) throw new Error(read.problem);
					const result = await commitImport(db, actor, read.table, file.name);
					expect(result, `${locale} ${file.name}`).toEqual({
						ok: true,
						rows: 40,
						counts: { created: 0, updated: 0, unchanged: 40 }
					});
				}
			} finally {
				overwriteGetLocale(() => 'fa');
			}
		}
		expect(await snapshotSchools(db)).toEqual(before);
	});
});
