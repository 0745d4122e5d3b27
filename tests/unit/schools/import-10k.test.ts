import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src/lib/server/schools/import/read-file.ts';
import { commitImport } from '../../../src/lib/server/schools/import/service.ts';
import { auditRows } from '../users/fixtures.ts';
import { createDemoDb, csvText, IMPORT_HEADER, schoolActor, snapshotSchools } from './fixtures.ts';

const ROWS = 10_000;
const places = ['دولاب', 'خاوران', 'شاهین', 'Shokufeh', 'تاکسیرانی'];

/** 10,000 schools of every level and gender, spread over five neighbourhoods. */
function bigCsv(): Uint8Array {
	const rows = Array.from({ length: ROWS }, (_, i) => {
		const level = (['primary', 'lower_secondary', 'upper_secondary'] as const)[i % 3]!;
		const grades = { primary: [0, 6], lower_secondary: [6, 9], upper_secondary: [9, 12] }[level];
		const cells = Array.from({ length: 12 }, (_, g) =>
			g >= grades[0]! && g < grades[1]! ? String(20 + ((i + g) % 40)) : ''
		);
		return [
			String(15000000 + i),
			`مدرسهٔ آزمایشی شمارهٔ ${i}`,
			level,
			i % 2 ? 'boys' : 'girls',
			places[i % places.length]!,
			`خیابان ${i}`,
			'',
			'',
			...cells
		];
	});
	return new TextEncoder().encode('\uFEFF' + csvText([IMPORT_HEADER, ...rows]));
}

describe('a 10,000-row school file', () => {
	it('is read, checked and imported, and a second import changes nothing', async () => {
		const db = await createDemoDb();
		const admin = await schoolActor(db, 'admin@demo.test');
		const bytes = bigCsv();

		const read = await readImportFile('big.csv', bytes);
		if (!read.ok) throw new Error(read.problem);
		const result = await commitImport(db, admin, read.table, 'big.csv');
		expect(result).toEqual({
			ok: true,
			rows: ROWS,
			counts: { created: ROWS, updated: 0, unchanged: 0 }
		});
		const count = await db
			.selectFrom('schools')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(40 + ROWS);

		const before = await snapshotSchools(db);
		const again = await readImportFile('big.csv', bytes);
		if (!again.ok) throw new Error(again.problem);
		expect(await commitImport(db, admin, again.table, 'big.csv')).toEqual({
			ok: true,
			rows: ROWS,
			counts: { created: 0, updated: 0, unchanged: ROWS }
		});
		expect(await snapshotSchools(db)).toEqual(before);
		expect(await auditRows(db, 'schools_imported')).toHaveLength(1);
	}, 120_000);
});
