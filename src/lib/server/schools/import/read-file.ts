import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportTable } from './columns.ts';

// From the uploaded bytes to rows of text cells: CSV (UTF-8, with or without BOM) or XLSX.

export type ReadProblem =
	| { problem: 'empty' | 'too_large' | 'too_many_rows' | 'not_utf8' | 'unreadable' }
	| { problem: 'csv_invalid'; line: number };

export type ReadResult = { ok: true; table: ImportTable } | ({ ok: false } & ReadProblem);

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

function toTable(records: string[][]): ReadResult {
	const [header, ...data] = records;
	if (!header || isBlank(header)) return { ok: false, problem: 'empty' };
	const rows = data.map((cells, i) => ({ row: i + 2, cells })).filter((r) => !isBlank(r.cells));
	if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problem: 'too_many_rows' };
	return { ok: true, table: { header, rows } };
}

function looksLikeXlsx(name: string, bytes: Uint8Array): boolean {
	// An XLSX file is a ZIP archive: it starts with "PK\x03\x04".
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
	return zip || name.toLowerCase().endsWith('.xlsx');
}

function readCsv(bytes: Uint8Array): ReadResult {
	let text: string;
	try {
		// Refuses other encodings (Excel's "CSV" on a Persian Windows is Windows-1256).
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, problem: 'not_utf8' };
	}
	const firstLine = text.split('\n', 1)[0] ?? '';
	// Excel writes ";" between cells where the comma is the decimal separator.
	const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
	try {
		return toTable(
			parse(text, {
				delimiter,
				bom: true,
				relax_column_count: true,
				relax_quotes: true
			}) as string[][]
		);
	} catch (e) {
		return {
			ok: false,
			problem: 'csv_invalid',
			line: Number((e as { lines?: number }).lines ?? 0)
		};
	}
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		return { ok: false, problem: 'unreadable' };
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return { ok: false, problem: 'empty' };
	if (sheet.rowCount > MAX_IMPORT_ROWS + 1) return { ok: false, problem: 'too_many_rows' };
	const width = sheet.getRow(1).cellCount;
	const records: string[][] = [];
	for (let r = 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		records.push(Array.from({ length: width }, (_, c) => row.getCell(c + 1).text ?? ''));
	}
	return toTable(records);
}

export async function readImportFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
	if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
	if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, problem: 'too_large' };
	return looksLikeXlsx(name, bytes) ? readXlsx(bytes) : readCsv(bytes);
}
