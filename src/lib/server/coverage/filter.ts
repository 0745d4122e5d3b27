import { mapMeasures, type MapMeasure } from '../../coverage/map-measures.ts';
import { schoolGenders, schoolLevels } from '../../schools/levels.ts';
import type { SchoolGender, SchoolLevel } from '../db/schema.ts';
import { measureKeys, type MeasureKey } from './measures.ts';

// The coverage report's choices as the address carries them: the page, its files and the API read
// the same parameters. `level` and `gender` are the schools' (as on the school list); `view` is the
// drill-down level; a place chosen narrows everything to it.

export const coverageViews = ['district', 'area', 'neighborhood', 'school'] as const;
export type CoverageView = (typeof coverageViews)[number];

export interface CoverageFilter {
	schoolYearId: number;
	districtId?: number;
	areaId?: number;
	neighborhoodId?: number;
	level?: SchoolLevel;
	gender?: SchoolGender;
}

export type SortKey = 'name' | MeasureKey;
export type SortDirection = 'asc' | 'desc';

export interface CoverageQuery {
	year?: number;
	district?: number;
	area?: number;
	neighborhood?: number;
	level?: SchoolLevel;
	gender?: SchoolGender;
	view?: CoverageView;
	sort?: SortKey;
	dir?: SortDirection;
	/** What the map colours places by (the page only). */
	map?: MapMeasure;
}

function idFrom(value: string | null): number | undefined {
	const id = Number(value);
	return value && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
	return values.find((v) => v === value);
}

/** Nonsense in the address is ignored, as on every list page. */
export function coverageQueryFrom(url: URL): CoverageQuery {
	const p = url.searchParams;
	return {
		year: idFrom(p.get('year')),
		district: idFrom(p.get('district')),
		area: idFrom(p.get('area')),
		neighborhood: idFrom(p.get('neighborhood')),
		level: oneOf(schoolLevels, p.get('level')),
		gender: oneOf(schoolGenders, p.get('gender')),
		view: oneOf(coverageViews, p.get('view')),
		sort: oneOf<SortKey>(['name', ...measureKeys], p.get('sort')),
		dir: oneOf(['asc', 'desc'] as const, p.get('dir')),
		map: oneOf(mapMeasures, p.get('map'))
	};
}

/** The query as parameters, in a fixed order, for links, downloads and the API's echo. */
export function coverageParams(query: CoverageQuery, change: Partial<CoverageQuery> = {}): string {
	const merged = { ...query, ...change };
	const params = new URLSearchParams();
	for (const name of [
		'year',
		'district',
		'area',
		'neighborhood',
		'level',
		'gender',
		'view',
		'sort',
		'dir',
		'map'
	] as const) {
		const value = merged[name];
		if (value !== undefined) params.set(name, String(value));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** The drill-down level when none is asked for: the one below the place chosen. */
export function defaultView(query: CoverageQuery, districtCount: number): CoverageView {
	if (query.neighborhood) return 'school';
	if (query.area) return 'neighborhood';
	if (query.district || districtCount === 1) return 'area';
	return 'district';
}
