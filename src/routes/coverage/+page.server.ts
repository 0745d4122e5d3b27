import { requireUser } from '$lib/server/auth/guard';
import { coverageLinks } from '$lib/server/coverage/links';
import { coverageQueryFrom } from '$lib/server/coverage/filter';
import {
	averageMeasures,
	measureDefinition,
	measureKeys,
	measureLabel
} from '$lib/server/coverage/measures';
import { buildCoverageReport } from '$lib/server/coverage/report';
import { getDb } from '$lib/server/db';
import { localYearLabel } from '$lib/server/pairings/messages';
import { listSchoolYears } from '$lib/server/pairings/school-years';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [report, years] = await Promise.all([
		buildCoverageReport(db, user, coverageQueryFrom(event.url)),
		listSchoolYears(db)
	]);
	if (!report) return { coverage: null };
	const coverage = {
		report: { ...report, year: { ...report.year, label: localYearLabel(report.year.label) } },
		years: years.map((y) => ({
			id: y.id,
			label: localYearLabel(y.label),
			current: !!y.is_current
		})),
		measures: measureKeys.map((key) => ({
			key,
			label: measureLabel[key](),
			definition: measureDefinition[key](),
			average: averageMeasures.includes(key)
		})),
		links: coverageLinks(report)
	};
	return { coverage };
};
