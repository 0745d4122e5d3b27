import type { DB } from '../../db/connect.ts';
import { m } from '../../../paraglide/messages.js';
import { gradeOutsideLevelMessage, schoolSchema } from '../../../schemas/schools.ts';
import { allGrades, gradeField, gradesOfLevel } from '../../../schools/levels.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { recordFromInput, type SchoolRecord } from '../record.ts';
import { findStoredSchoolsByCode, type StoredSchool } from '../store.ts';
import { importColumns, type ImportError, type ImportTable } from './columns.ts';
import { cellsByColumn, readHeader } from './header.ts';
import { makeResolvers, type Resolved, type Resolvers } from './resolve.ts';

// Every row checked against the same rules as the school form, plus what only a file can get
// wrong: words for codes, repeated codes, schools of other districts. All errors, not the first.

export interface ValidatedImport {
	records: { row: number; record: SchoolRecord }[];
	errors: ImportError[];
	/** The stored schools with the file's ministry codes, by code. */
	existing: Map<string, StoredSchool>;
}

type CellError = { column: string; message: string };

function resolveError(column: string, value: string, result: Resolved<unknown>): CellError | null {
	if (result.ok) return null;
	if (result.error === 'blank') return { column, message: m.field_required() };
	const messages = {
		level: m.schools_import_level_unknown,
		gender: m.schools_import_gender_unknown,
		neighborhood:
			result.error === 'ambiguous'
				? m.schools_import_neighborhood_ambiguous
				: m.schools_import_neighborhood_unknown
	} as Record<string, (input: { value: string }) => string>;
	return { column, message: messages[column]!({ value }) };
}

function validateRow(
	values: Record<string, string>,
	resolvers: Resolvers
): { record: SchoolRecord } | { errors: CellError[] } {
	const level = resolvers.level(values.level!);
	const gender = resolvers.gender(values.gender!);
	const neighborhood = resolvers.neighborhood(values.neighborhood!);
	const errors = [
		resolveError('level', values.level!, level),
		resolveError('gender', values.gender!, gender),
		resolveError('neighborhood', values.neighborhood!, neighborhood)
	].filter((e): e is CellError => e !== null);
	const parsed = schoolSchema.safeParse({
		...values,
		level: level.ok ? level.value : undefined,
		gender: gender.ok ? gender.value : undefined,
		neighborhood_id: neighborhood.ok ? neighborhood.value : 0
	});
	const flagged = new Set(errors.map((e) => e.column));
	const flag = (column: string, message: string) => {
		if (flagged.has(column)) return;
		flagged.add(column);
		errors.push({ column, message });
	};
	for (const issue of parsed.error?.issues ?? []) {
		const field = String(issue.path[0]);
		flag(field === 'neighborhood_id' ? 'neighborhood' : field, issue.message);
	}
	// Zod checks grades against the level only once every field is valid; a file wants them all now.
	if (level.ok) {
		const taught = gradesOfLevel[level.value];
		for (const grade of allGrades)
			if (values[gradeField(grade)] !== '' && !taught.includes(grade))
				flag(gradeField(grade), gradeOutsideLevelMessage(level.value));
	}
	if (errors.length || !parsed.success) return { errors };
	return { record: recordFromInput(parsed.data) };
}

export async function validateImport(
	db: DB,
	districtIds: number[],
	table: ImportTable
): Promise<ValidatedImport> {
	const { index, errors } = readHeader(table.header);
	if (errors.length) return { records: [], errors, existing: new Map() };

	const resolvers = await makeResolvers(db, districtIds);
	const records: ValidatedImport['records'] = [];
	const firstRowOf = new Map<string, number>();
	for (const { row, cells } of table.rows) {
		const result = validateRow(cellsByColumn(index, cells), resolvers);
		if ('errors' in result) {
			errors.push(...result.errors.map((e) => ({ row, ...e })));
			continue;
		}
		const code = result.record.ministry_code;
		const first = firstRowOf.get(code);
		if (first !== undefined)
			errors.push({
				row,
				column: 'ministry_code',
				message: m.schools_import_code_repeated({ row: formatNumber(first) })
			});
		else firstRowOf.set(code, row);
		records.push({ row, record: result.record });
	}

	const existing = await findStoredSchoolsByCode(db, [...firstRowOf.keys()]);
	for (const { row, record } of records) {
		const stored = existing.get(record.ministry_code);
		if (stored && !districtIds.includes(stored.districtId))
			errors.push({ row, column: 'ministry_code', message: m.schools_import_code_elsewhere() });
	}
	const order = (column: string) => importColumns.indexOf(column);
	errors.sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
	return { records, errors, existing };
}
