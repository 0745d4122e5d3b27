import type { APIResponse } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Kind } from './queries';

// Whether an answer to a GET is what its kind promises: a page is a whole HTML document that shows
// no value turned into text by accident ("[object Object]", a notice looked up by a name like
// `constructor`); a download is UTF-8 CSV with a byte-order mark whose rows all have the header's
// width, or an XLSX workbook ExcelJS opens with at least one sheet; the API is JSON, an error as
// { error: { code } }; the feed is an iCalendar document. A refusal (4xx) outside the API is the
// HTML error page.

const types: Record<Kind, string> = {
	page: 'text/html',
	csv: 'text/csv',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	json: 'application/json',
	ics: 'text/calendar'
};

async function bodyProblem(kind: Kind, status: number, body: Buffer): Promise<string | null> {
	if (kind === 'xlsx') {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(body as unknown as ArrayBuffer);
		return workbook.worksheets.length ? null : 'a workbook without a sheet';
	}
	const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
	if (kind === 'page') {
		if (!/^<!doctype html>/i.test(text.trimStart()) || !text.includes('</html>'))
			return 'not a whole HTML document';
		const shown = /\[object \w+\]/.exec(text)?.[0];
		return shown ? `shows "${shown}"` : null;
	}
	if (kind === 'json') {
		const json = JSON.parse(text) as { error?: { code?: unknown } };
		return status >= 400 === (typeof json.error?.code === 'string')
			? null
			: 'JSON of the wrong shape';
	}
	if (kind === 'ics')
		return /^BEGIN:VCALENDAR\r\n[\s\S]*\r\nEND:VCALENDAR(\r\n)?$/.test(text)
			? null
			: 'not an iCalendar document';
	if (!text.startsWith('\uFEFF')) return 'a CSV file without its byte-order mark';
	const rows = parse(text, { bom: true }) as string[][];
	return rows.length && rows.every((row) => row.length === rows[0]!.length)
		? null
		: 'CSV rows of different widths';
}

/** What is wrong with the answer, null when nothing. */
export async function answerProblem(
	kind: Kind,
	response: Pick<APIResponse, 'status' | 'headers' | 'body'>
): Promise<string | null> {
	const status = response.status();
	if (status !== 200 && !(status >= 400 && status < 500)) return `answered ${status}`;
	// Outside the API a refusal is the app's error page.
	const shown = status >= 400 && kind !== 'json' ? 'page' : kind;
	const type = response.headers()['content-type'] ?? '';
	if (!type.startsWith(types[shown])) return `answered ${status} as ${type || 'no type'}`;
	try {
		return await bodyProblem(shown, status, await response.body());
	} catch (problem) {
		return `unreadable: ${(problem as Error).message}`;
	}
}
