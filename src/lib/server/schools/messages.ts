import { m } from '../../paraglide/messages.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import/columns.ts';
import type { ReadProblem } from './import/read-file.ts';
import type { SchoolChangeResult } from './service.ts';
import { formatNumber } from '../../i18n/format.ts';

type FieldError = Extract<SchoolChangeResult, { field: string }>['error'];

/** The message in the user's language for a refused school change. */
export function schoolChangeErrorMessage(error: FieldError): string {
	return {
		ministry_code_taken: m.schools_ministry_code_taken,
		neighborhood_outside: m.schools_neighborhood_outside
	}[error]();
}

/** Why an uploaded file could not be read at all. */
export function readProblemMessage(problem: ReadProblem): string {
	switch (problem.problem) {
		case 'empty':
			return m.schools_import_empty();
		case 'too_large':
			return m.schools_import_too_large({ size: formatNumber(MAX_IMPORT_BYTES / (1024 * 1024)) });
		case 'too_many_rows':
			return m.schools_import_too_many_rows({ max: formatNumber(MAX_IMPORT_ROWS) });
		case 'not_utf8':
			return m.schools_import_not_utf8();
		case 'unreadable':
			return m.schools_import_unreadable();
		case 'csv_invalid':
			return m.schools_import_csv_invalid({ line: formatNumber(problem.line) });
	}
}
