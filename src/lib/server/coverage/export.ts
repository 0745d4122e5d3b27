import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { jalaliMonthLabel } from '../../coverage/month-label.ts';
import { coverageViewLabel } from '../../coverage/view-label.ts';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { localName } from '../../i18n/names.ts';
import { measureDefinition, measureKeys, measureLabel } from './measures.ts';
import type { CoverageReport } from './report.ts';

// The report as files. The CSV is the drill-down table as shown (rank, place, every measure) with
// the total below; the workbook adds the summary with each measure's definition, grades, topics
// and months. Numbers stay numbers; a blank measure is an empty cell.

type Cell = string | number | null;

/** The drill-down table with its total: what the CSV holds and the workbook's first sheet. */
export function coverageTable(report: CoverageReport): { header: string[]; rows: Cell[][] } {
	const header = [
		m.coverage_col_rank(),
		coverageViewLabel[report.query.view](),
		...measureKeys.map((k) => measureLabel[k]())
	];
	const rows: Cell[][] = report.rows.map((row) => [
		row.rank,
		localName(row),
		...measureKeys.map((k) => row.figures[k])
	]);
	rows.push([null, m.coverage_total(), ...measureKeys.map((k) => report.headline[k])]);
	return { header, rows };
}

// Excel runs a cell that starts with = or @ as a formula; a leading ' keeps it text.
const defuse = (cell: Cell) =>
	typeof cell === 'string' && /^[=@+-]/.test(cell) ? `'${cell}` : (cell ?? '');

/** UTF-8 with a byte-order mark: without it Excel reads the file in the system's code page. */
export function coverageCsv(report: CoverageReport): string {
	const { header, rows } = coverageTable(report);
	return '\uFEFF' + stringify([header, ...rows.map((r) => r.map(defuse))]);
}

function addSheet(
	workbook: ExcelJS.Workbook,
	name: string,
	header: string[],
	rows: Cell[][],
	rtl: boolean
) {
	const sheet = workbook.addWorksheet(name.slice(0, 31), {
		views: [{ rightToLeft: rtl, state: 'frozen', ySplit: 1 }]
	});
	sheet.addRow(header).font = { bold: true };
	sheet.addRows(rows);
	sheet.columns.forEach((column, i) => {
		column.width = i === 1 || header.length <= 3 ? 28 : 14;
	});
	return sheet;
}

/** In the page's language; right to left in Persian. */
export async function coverageXlsx(report: CoverageReport): Promise<Uint8Array> {
	const rtl = getLocale() === 'fa';
	const workbook = new ExcelJS.Workbook();
	const table = coverageTable(report);
	addSheet(
		workbook,
		m.coverage_drill_title({ level: coverageViewLabel[report.query.view]() }),
		table.header,
		table.rows,
		rtl
	);
	addSheet(
		workbook,
		m.coverage_sheet_summary(),
		[m.coverage_col_measure(), m.coverage_col_value(), m.coverage_col_definition()],
		measureKeys.map((k) => [measureLabel[k](), report.headline[k], measureDefinition[k]()]),
		rtl
	).getColumn(3).width = 80;
	addSheet(
		workbook,
		m.coverage_sheet_grades(),
		[
			m.coverage_col_grade(),
			m.coverage_col_girls_reached(),
			m.coverage_col_girls_enrolled(),
			m.coverage_col_boys_reached(),
			m.coverage_col_boys_enrolled()
		],
		report.studentsByGrade.map((g) => [
			g.grade,
			g.reached.girls,
			g.enrolled.girls,
			g.reached.boys,
			g.enrolled.boys
		]),
		rtl
	);
	if (report.topics)
		addSheet(
			workbook,
			m.coverage_sheet_topics(),
			[m.coverage_neighborhood(), ...report.topics.topics.map((t) => localName(t))],
			report.topics.rows.map((r) => [localName(r.neighborhood), ...r.held]),
			rtl
		);
	addSheet(
		workbook,
		m.coverage_sheet_trend(),
		[
			m.coverage_col_month(),
			measureLabel.sessionsHeld(),
			measureLabel.studentsReached(),
			measureLabel.eventsHeld()
		],
		report.trend.map((t) => [
			jalaliMonthLabel(t.firstDay),
			t.sessionsHeld,
			t.studentsReached,
			t.eventsHeld
		]),
		rtl
	);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
