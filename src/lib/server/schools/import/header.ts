import { m } from '../../../paraglide/messages.js';
import { importColumns, requiredColumns, type ImportError } from './columns.ts';

// Which cell holds which column. Names are matched without regard to case or spaces around.

export type ColumnIndex = Map<string, number>;

export function readHeader(header: string[]): { index: ColumnIndex; errors: ImportError[] } {
	const index: ColumnIndex = new Map();
	const errors: ImportError[] = [];
	header.forEach((raw, i) => {
		const name = raw
			.replace(/^\uFEFF/, '')
			.trim()
			.toLowerCase();
		if (name === '') return;
		if (!importColumns.includes(name))
			errors.push({ row: 1, column: raw.trim(), message: m.schools_import_unknown_column() });
		else if (index.has(name))
			errors.push({ row: 1, column: name, message: m.schools_import_duplicate_column() });
		else index.set(name, i);
	});
	for (const column of requiredColumns)
		if (!index.has(column))
			errors.push({ row: 1, column, message: m.schools_import_missing_column() });
	return { index, errors };
}

/** The row's cells by column name; a column the file lacks reads as blank. */
export function cellsByColumn(index: ColumnIndex, cells: string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const column of importColumns) {
		const i = index.get(column);
		const cell = i === undefined ? '' : (cells[i] ?? '').trim();
		// An export marks text that looks like a formula with a leading '.
		values[column] = /^'[=@]/.test(cell) ? cell.slice(1) : cell;
	}
	return values;
}
