import { allGrades, gradeField } from '../../../schools/levels.ts';

// The columns of a school file, import and export alike (docs/school-import.md describes them).

export const requiredColumns = [
	'ministry_code',
	'name',
	'level',
	'gender',
	'neighborhood'
] as const;
export const optionalColumns = ['address', 'principal_name', 'phone'] as const;
export const gradeColumns = allGrades.map(gradeField);

export const importColumns: readonly string[] = [
	...requiredColumns,
	...optionalColumns,
	...gradeColumns
];

export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** A file read into text cells; `row` is the spreadsheet's row number (the header is row 1). */
export interface ImportTable {
	header: string[];
	rows: { row: number; cells: string[] }[];
}

export interface ImportError {
	row: number;
	column: string;
	message: string;
}
