import type { ApiUser } from '../api-tokens/repository.ts';
import { coverageQueryFrom } from '../coverage/filter.ts';
import { buildCoverageReport } from '../coverage/report.ts';
import { getDb } from '../db/index.ts';
import { apiError, apiJson } from './respond.ts';

/** GET /api/v1/coverage: the report the page shows for the same query, in the token's scope. */
export async function respondWithCoverageJson(user: ApiUser, url: URL): Promise<Response> {
	const report = await buildCoverageReport(getDb(), user, coverageQueryFrom(url));
	if (!report) return apiError(404, 'no_school_year', 'No school year exists yet.');
	const { year, query, headline, rows, studentsByGrade, topics, trend } = report;
	return apiJson({ year, query, headline, rows, studentsByGrade, topics, trend });
}
