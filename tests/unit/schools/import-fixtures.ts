import type { ImportTable } from '../../../src/lib/server/schools/import/columns.ts';
import { readImportFile } from '../../../src/lib/server/schools/import/read-file.ts';

// School files for the import tests.

export const blanks = (n: number) => Array.from({ length: n }, () => '');

/** A row in the import's columns; grades 1-12 follow. */
export function row(
	code: string,
	name: string,
	level: string,
	gender: string,
	place: string,
	grades: (string | number)[]
) {
	return [
		code,
		name,
		level,
		gender,
		place,
		'خیابان نمونه',
		'مدیر نمونه',
		'021-1234',
		...grades,
		...blanks(12 - grades.length)
	];
}

export const goodRows = [
	row('14200001', 'دبستان نو', 'primary', 'girls', 'دولاب', [30, 31, 32, 33, 34, 35]),
	row('14200002', 'دبیرستان نو', 'متوسطه اول', 'پسرانه', 'Khavaran', [
		'',
		'',
		'',
		'',
		'',
		'',
		40,
		41,
		42
	]),
	row('14200003', 'هنرستان نو', 'Upper secondary', 'Girls', 'خاوران', [...blanks(9), 50, 51, 0])
];

export async function table(text: string | Uint8Array, name = 'schools.csv'): Promise<ImportTable> {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	const result = await readImportFile(name, bytes);
	if (!result.ok) throw new Error(`unreadable: ${result.problem}`);
	return result.table;
}
