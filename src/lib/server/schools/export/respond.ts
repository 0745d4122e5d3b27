import type { AuthUser } from '../../auth/guard.ts';
import { getDb } from '../../db/index.ts';
import { getLocale } from '../../../paraglide/runtime.js';
import { m } from '../../../paraglide/messages.js';
import { schoolFilterFrom } from '../list-filter.ts';
import { schoolsCsv, schoolsXlsx } from './files.ts';
import { findExportRows } from './rows.ts';

// The two downloads: the list's filters, within the signed-in user's scope, as a file.

function download(body: string | Uint8Array, type: string, fileName: string): Response {
	return new Response(body as BodyInit, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}

export async function respondWithCsv(user: AuthUser, url: URL): Promise<Response> {
	const { header, rows } = await findExportRows(getDb(), user, schoolFilterFrom(url));
	return download(schoolsCsv(header, rows), 'text/csv; charset=utf-8', 'schools.csv');
}

export async function respondWithXlsx(user: AuthUser, url: URL): Promise<Response> {
	const { header, rows } = await findExportRows(getDb(), user, schoolFilterFrom(url));
	const bytes = await schoolsXlsx(header, rows, {
		rightToLeft: getLocale() === 'fa',
		sheetName: m.schools_title()
	});
	return download(
		bytes,
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		'schools.xlsx'
	);
}
