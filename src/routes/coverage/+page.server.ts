import { requireUser } from '$lib/server/auth/guard';
import { coverageLinks } from '$lib/server/coverage/links';
import { coverageQueryFrom } from '$lib/server/coverage/filter';
import {
	averageMeasures,
	measureDefinition,
	measureKeys,
	measureLabel
} from '$lib/server/coverage/measures';
import { buildCoverageMap } from '$lib/server/coverage/map/build';
import { buildCoverageReport } from '$lib/server/coverage/report';
import { getLocale, getTextDirection } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { pageFrom, pageOf } from '$lib/server/list-params';
import { localYearLabel } from '$lib/server/pairings/messages';
import { listSchoolYears } from '$lib/server/pairings/school-years';
import type { PageServerLoad } from './$types';

/** Places a page shows; a country has a thousand districts (the files and the API hold them all). */
const ROWS_PER_PAGE = 100;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [report, years] = await Promise.all([
		buildCoverageReport(db, user, coverageQueryFrom(event.url)),
		listSchoolYears(db)
	]);
	if (!report) return { coverage: null };
	const { items: rows, page, pageCount } = pageOf(report.rows, pageFrom(event.url), ROWS_PER_PAGE);
	const shown = { ...report, rows };
	const coverage = {
		report: { ...shown, year: { ...report.year, label: localYearLabel(report.year.label) } },
		rowsPage: { page, pageCount },
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
		links: coverageLinks(shown),
		// Every place of the level, not only the table's page: the map's links are its own.
		map: await buildCoverageMap(
			db,
			report,
			coverageLinks(report).drill,
			getTextDirection(getLocale()) === 'rtl'
		)
	};
	return { coverage };
};
