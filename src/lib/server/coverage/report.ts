import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import { chooseSchoolYear, listSchoolYears } from '../pairings/school-years.ts';
import {
	findStudentsByGrade,
	findTopicMatrix,
	type GradeRow,
	type TopicMatrix
} from './breakdowns.ts';
import { findFigures, findTopicsCovered, noFigures } from './figures.ts';
import {
	defaultView,
	type CoverageFilter,
	type CoverageQuery,
	type CoverageView,
	type SortDirection,
	type SortKey
} from './filter.ts';
import type { CoverageFigures } from './measures.ts';
import {
	findCoveragePlaces,
	placesAreFocused,
	settlePlaces,
	type CoveragePlaces,
	type Place
} from './places.ts';
import { rankAndSort, type CoverageRow } from './ranking.ts';
import { pairingsOfYear, sessionsOfYear, type CoverageContext } from './sources.ts';
import { findTrend, type TrendMonth } from './trend.ts';
import { talliesAnswer } from './district-tallies.ts';

// The whole coverage report for one set of choices, within the user's scope: what the page shows,
// the files hold and the API answers.

export type { CoverageRow } from './ranking.ts';

export interface CoverageReport {
	year: { id: number; label: string; startsOn: string; endsOn: string };
	/** The choices as settled: places made consistent, view and sort filled in. */
	query: CoverageQuery & { year: number; view: CoverageView; sort: SortKey; dir: SortDirection };
	places: CoveragePlaces;
	headline: CoverageFigures;
	/** The drill-down: one row a place at `query.view`, ranked and sorted. */
	rows: CoverageRow[];
	studentsByGrade: GradeRow[];
	/** Null over several districts with none chosen. */
	topics: TopicMatrix | null;
	trend: TrendMonth[];
	/** Per place id at a place level (not schools): topics with a held session; absent means 0. */
	topicsCovered: Record<number, number> | null;
}

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

function placesAtView(
	view: Exclude<CoverageView, 'school'>,
	places: CoveragePlaces,
	filter: CoverageFilter
): Place[] {
	// Settling put the chosen area's or neighbourhood's district in the filter.
	if (view === 'district')
		return places.districts.filter((d) => !filter.districtId || d.id === filter.districtId);
	const areaOf = (id: number) => places.areas.find((a) => a.id === id)!;
	const neighborhoods = places.neighborhoods.filter(
		(n) =>
			(!filter.districtId || areaOf(n.area_id).district_id === filter.districtId) &&
			(!filter.areaId || n.area_id === filter.areaId) &&
			(!filter.neighborhoodId || n.id === filter.neighborhoodId)
	);
	if (view === 'neighborhood') return neighborhoods;
	const areaIds = new Set(neighborhoods.map((n) => n.area_id));
	return places.areas.filter((a) => areaIds.has(a.id));
}

/** Schools paired or visited this year: a school's name is the same in both languages. */
async function schoolsAtView(ctx: CoverageContext): Promise<Place[]> {
	const schools = await ctx.db
		.selectFrom('schools')
		.select(['id', 'name'])
		.where((eb) =>
			eb.or([
				eb('schools.id', 'in', pairingsOfYear(ctx).select('pairings.school_id')),
				eb('schools.id', 'in', sessionsOfYear(ctx).select('bell_sessions.school_id'))
			])
		)
		.execute();
	return schools.map((s) => ({ id: s.id, name_fa: s.name, name_en: s.name }));
}

/** The report, or null when no school year exists yet. */
export async function buildCoverageReport(
	db: DB,
	user: ScopedUser,
	asked: CoverageQuery,
	locale: Locale = getLocale()
): Promise<CoverageReport | null> {
	const [years, places] = await Promise.all([
		listSchoolYears(db),
		findCoveragePlaces(db, user, asked)
	]);
	// Over several districts with none chosen, the table shows districts and the topic matrix
	// waits for a district: a country's areas, neighbourhoods or schools are too many to list.
	const focused = placesAreFocused(places);
	const year = chooseSchoolYear(years, asked.year ?? null);
	if (!year) return null;
	const settled = settlePlaces(asked, places);
	const query = {
		...settled,
		year: year.id,
		view: focused ? (settled.view ?? defaultView(settled, places.districts.length)) : 'district',
		sort: settled.sort ?? 'sessionsHeld',
		dir: settled.dir ?? 'desc'
	};
	const filter: CoverageFilter = {
		schoolYearId: year.id,
		districtId: query.district,
		areaId: query.area,
		neighborhoodId: query.neighborhood,
		level: query.level,
		gender: query.gender
	};
	const ctx: CoverageContext = {
		db,
		user,
		filter,
		year: { startsOn: year.starts_on, endsOn: year.ends_on },
		tallies: talliesAnswer({ user, filter })
	};
	const [figures, entities, studentsByGrade, topics, trend, topicsCovered] = await Promise.all([
		findFigures(ctx, query.view),
		query.view === 'school' ? schoolsAtView(ctx) : placesAtView(query.view, places, filter),
		findStudentsByGrade(ctx),
		focused ? findTopicMatrix(ctx, placesAtView('neighborhood', places, filter)) : null,
		findTrend(ctx),
		query.view === 'school' ? null : findTopicsCovered(ctx, query.view)
	]);
	const rows = entities.map((place) => ({
		...place,
		figures: figures.byPlace.get(place.id) ?? noFigures(query.view)
	}));
	return {
		year: { id: year.id, label: year.label, startsOn: year.starts_on, endsOn: year.ends_on },
		query,
		places,
		headline: figures.all,
		rows: rankAndSort(rows, query.sort, query.dir, locale),
		studentsByGrade,
		topics,
		trend,
		topicsCovered: topicsCovered && Object.fromEntries(topicsCovered)
	};
}
