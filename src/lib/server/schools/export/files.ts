import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ExportCell } from './rows.ts';

// The two file formats of the school list. Both open in Excel with Persian intact.

// Excel runs a CSV cell that starts with = or @ as a formula; a leading ' keeps it text (and
// the import takes it off again).
const defuse = (cell: ExportCell) =>
	typeof cell === 'string' && /^[=@]/.test(cell) ? `'${cell}` : (cell ?? '');

/** UTF-8 with a byte-order mark: without it Excel reads the file in the system's code page. */
export function schoolsCsv(header: string[], rows: ExportCell[][]): string {
	return '\uFEFF' + stringify([header, ...rows.map((r) => r.map(defuse))]);
}

export async function schoolsXlsx(
	header: string[],
	rows: ExportCell[][],
	options: { rightToLeft: boolean; sheetName: string }
): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(options.sheetName, {
		views: [{ rightToLeft: options.rightToLeft, state: 'frozen', ySplit: 1 }]
	});
	sheet.addRow(header).font = { bold: true };
	sheet.addRows(rows);
	sheet.columns.forEach((column, i) => {
		column.width = i < 2 ? 28 : i < 8 ? 16 : 9;
	});
	// Ministry codes and phone numbers are text: Excel must not turn them into numbers.
	sheet.getColumn(1).numFmt = '@';
	sheet.getColumn(8).numFmt = '@';
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
