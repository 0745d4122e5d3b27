import { mapMeasures, type MapMeasure } from '../../coverage/map-measures.ts';
import { coverageParams, coverageViews, type CoverageView, type SortKey } from './filter.ts';
import { measureKeys } from './measures.ts';
import type { CoverageReport } from './report.ts';

// Where each link of the coverage page leads, as unlocalized paths: the page only shows them. Every
// link keeps the year, the school filters and the sort; drilling down drops the explicit view, so
// the table shows the level below the place chosen.

export interface CoverageLinks {
	/** The query of the view as shown, for the downloads. */
	exportQuery: string;
	/** Per sortable column: where its heading leads. */
	sort: Record<SortKey, string>;
	views: Record<CoverageView, string>;
	/** Per measure the map can show: the page with the map coloured by it. */
	map: Record<MapMeasure, string>;
	/** The places chosen, from the top, each leading to its own level. */
	breadcrumb: { label: { name_fa: string; name_en: string } | null; href: string }[];
	/** Where a row leads, by its id. */
	drill: Record<number, string>;
}

const page = (query: string) => `/coverage${query}`;

export function coverageLinks(report: CoverageReport): CoverageLinks {
	const { query, places } = report;
	const go = (change: Parameters<typeof coverageParams>[1]) => page(coverageParams(query, change));
	const sort = {} as Record<SortKey, string>;
	for (const key of ['name', ...measureKeys] as SortKey[]) {
		// A new column starts with the most (names: from A); the current one turns around.
		const first = key === 'name' ? 'asc' : 'desc';
		const turned = query.dir === 'asc' ? 'desc' : 'asc';
		sort[key] = go({ sort: key, dir: query.sort === key ? turned : first });
	}
	const views = {} as Record<CoverageView, string>;
	for (const view of coverageViews) views[view] = go({ view });
	const map = {} as Record<MapMeasure, string>;
	for (const measure of mapMeasures) map[measure] = `${go({ map: measure })}#map-title`;

	const find = <T extends { id: number }>(list: T[], id: number | undefined) =>
		list.find((p) => p.id === id) ?? null;
	const none = { district: undefined, area: undefined, neighborhood: undefined, view: undefined };
	const breadcrumb: CoverageLinks['breadcrumb'] = [{ label: null, href: go(none) }];
	// A place outside the scope has no name to show, and no crumb.
	const crumbs = [
		{ place: find(places.districts, query.district), to: { ...none, district: query.district } },
		{
			place: find(places.areas, query.area),
			to: { ...none, district: query.district, area: query.area }
		},
		{ place: find(places.neighborhoods, query.neighborhood), to: { view: undefined } }
	];
	for (const { place, to } of crumbs) if (place) breadcrumb.push({ label: place, href: go(to) });

	const drill: Record<number, string> = {};
	for (const row of report.rows) {
		drill[row.id] = {
			district: () => go({ ...none, district: row.id }),
			area: () => go({ ...none, district: query.district, area: row.id }),
			neighborhood: () => go({ view: undefined, neighborhood: row.id }),
			school: () => `/schools/${row.id}`
		}[query.view]();
	}
	return { exportQuery: coverageParams(query), sort, views, map, breadcrumb, drill };
}
