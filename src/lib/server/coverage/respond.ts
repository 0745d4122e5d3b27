import { error } from '@sveltejs/kit';
import type { AuthUser } from '../auth/guard.ts';
import { getDb } from '../db/index.ts';
import { coverageCsv, coverageXlsx } from './export.ts';
import { coverageQueryFrom } from './filter.ts';
import { buildCoverageReport, type CoverageReport } from './report.ts';

// The two downloads: the page's view (same query parameters), within the user's scope, as a file.

async function reportFor(user: AuthUser, url: URL): Promise<CoverageReport> {
	const report = await buildCoverageReport(getDb(), user, coverageQueryFrom(url));
	if (!report) error(404, 'Not found');
	return report;
}

function download(body: string | Uint8Array, type: string, fileName: string): Response {
	return new Response(body as BodyInit, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}

export async function respondWithCoverageCsv(user: AuthUser, url: URL): Promise<Response> {
	const report = await reportFor(user, url);
	return download(coverageCsv(report), 'text/csv; charset=utf-8', 'coverage.csv');
}

export async function respondWithCoverageXlsx(user: AuthUser, url: URL): Promise<Response> {
	const report = await reportFor(user, url);
	return download(
		await coverageXlsx(report),
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		'coverage.xlsx'
	);
}
