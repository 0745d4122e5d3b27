import { m } from '../paraglide/messages.js';
import type { CoverageView } from '../server/coverage/filter.ts';

/** The place a drill-down level lists, as its tables and files name it. */
export const coverageViewLabel: Record<CoverageView, () => string> = {
	district: m.coverage_district,
	area: m.coverage_area,
	neighborhood: m.coverage_neighborhood,
	school: m.coverage_school
};
