import type { MapMeasure } from '../../../coverage/map-measures.ts';
import { DEFAULT_MAP_MEASURE } from '../../../coverage/map-measures.ts';
import type { DB } from '../../db/connect.ts';
import { findOutlines } from '../../boundaries/repository.ts';
import type { CoverageView } from '../filter.ts';
import type { CoverageFigures } from '../measures.ts';
import type { Place } from '../places.ts';
import type { CoverageReport } from '../report.ts';
import { colourIndex, mapScale, STEP_COLOURS, STEP_TEXT, type MapClass } from './scale.ts';
import { drawShapes, SHAPES_HEIGHT, SHAPES_WIDTH, type DrawnShape } from './shapes.ts';
import { layoutTiles, type Box } from './tiles.ts';

// The coverage map of the drill-down's places, from the same report as the table: one place a
// row of the report at its level, coloured by one measure, each leading where its row leads. With
// outlines uploaded for every place of the level it draws them; otherwise tiles.

/** More places than this are not drawn (a country's districts): the table still lists them. */
export const MAX_MAP_PLACES = 400;

export type MapLevel = Exclude<CoverageView, 'school'>;

/** The four numbers of a place the map can show, as its table lists them. */
export interface MapNumbers {
	paired: number;
	total: number;
	/** Percent of the neighbourhoods paired, rounded; null where there are none. */
	pairedShare: number | null;
	sessionsHeld: number;
	studentsReached: number;
	topicsCovered: number;
}

export interface MapPlace extends Place {
	href: string;
	numbers: MapNumbers;
	value: number | null;
	fill: string;
	/** The fill is a pattern (a gap) rather than a colour. */
	hatched: boolean;
	text: string;
	tile: Box | null;
	shape: DrawnShape | null;
}

export interface LegendEntry {
	kind: MapClass['kind'];
	fill: string;
	/** For a step: the values it holds. */
	from: number;
	to: number;
}

export interface CoverageMap {
	level: MapLevel;
	measure: MapMeasure;
	mode: 'tiles' | 'shapes';
	width: number;
	height: number;
	places: MapPlace[];
	groups: (Box & { id: number; name_fa: string; name_en: string })[];
	legend: LegendEntry[];
	/** Shapes drawn, but these places of the level have no outline (listed under the map). */
	withoutOutline: Place[];
}

export const GAP_FILL = 'url(#map-gap)';
const NONE_FILL = '#d9d9d9';

function numbersOf(figures: CoverageFigures, topics: number): MapNumbers {
	const paired = figures.neighborhoodsPaired ?? 0;
	const total = figures.neighborhoodsTotal ?? 0;
	return {
		paired,
		total,
		pairedShare: total ? Math.round((100 * paired) / total) : null,
		sessionsHeld: figures.sessionsHeld ?? 0,
		studentsReached: figures.studentsReached ?? 0,
		topicsCovered: topics
	};
}

function paint(cls: MapClass, steps: number) {
	if (cls.kind === 'none') return { fill: NONE_FILL, hatched: false, text: '#000000' };
	if (cls.kind === 'gap') return { fill: GAP_FILL, hatched: true, text: '#000000' };
	const i = colourIndex(cls.step, steps);
	return { fill: STEP_COLOURS[i]!, hatched: false, text: STEP_TEXT[i]! };
}

/** The map of the report's places, or null at the school level or with too many places. */
export async function buildCoverageMap(
	db: DB,
	report: Pick<CoverageReport, 'query' | 'rows' | 'places' | 'topicsCovered'>,
	drill: Record<number, string>,
	rtl: boolean
): Promise<CoverageMap | null> {
	const { view } = report.query;
	if (view === 'school' || report.rows.length > MAX_MAP_PLACES) return null;
	const measure = report.query.map ?? DEFAULT_MAP_MEASURE;
	// The directory's order (by area, then name), not the table's sort.
	const order = new Map(
		[...report.places.areas, ...report.places.neighborhoods, ...report.places.districts].map(
			(p, i) => [p.id, i]
		)
	);
	const rows = [...report.rows].sort(
		(a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0) || a.id - b.id
	);
	const numbers = rows.map((row) => numbersOf(row.figures, report.topicsCovered?.[row.id] ?? 0));
	const values = numbers.map((n) => n[measure]);
	const scale = mapScale(measure, values);

	const outlines =
		view === 'district'
			? new Map()
			: await findOutlines(
					db,
					view,
					rows.map((r) => r.id)
				);
	const mode = outlines.size ? 'shapes' : 'tiles';
	const shapes =
		mode === 'shapes'
			? new Map(
					drawShapes(
						rows
							.filter((r) => outlines.has(r.id))
							.map((r) => ({ id: r.id, outline: outlines.get(r.id)! }))
					).map((s) => [s.id, s])
				)
			: null;
	const areaOf = new Map(report.places.neighborhoods.map((n) => [n.id, n.area_id]));
	const groups =
		view === 'neighborhood'
			? report.places.areas
					.map((area) => ({
						id: area.id,
						label: String(area.id),
						ids: rows.filter((r) => areaOf.get(r.id) === area.id).map((r) => r.id)
					}))
					.filter((g) => g.ids.length)
			: [{ id: 0, label: null, ids: rows.map((r) => r.id) }];
	const tiles = mode === 'tiles' ? layoutTiles(groups, rtl) : null;
	const tileOf = new Map(tiles?.tiles.map((t) => [t.id, t]));

	const places = rows.map((row, i): MapPlace => ({
		id: row.id,
		name_fa: row.name_fa,
		name_en: row.name_en,
		href: drill[row.id] ?? '',
		numbers: numbers[i]!,
		value: values[i]!,
		...paint(scale.classOf(values[i]!), scale.tops.length),
		tile: tileOf.get(row.id) ?? null,
		shape: shapes?.get(row.id) ?? null
	}));
	const steps = scale.tops.map((top, step) => ({
		kind: 'step' as const,
		fill: paint({ kind: 'step', step }, scale.tops.length).fill,
		from: step === 0 ? 1 : scale.tops[step - 1]! + 1,
		to: top
	}));
	const legend: LegendEntry[] = [
		{ kind: 'gap', fill: GAP_FILL, from: 0, to: 0 },
		...steps,
		...(values.includes(null) ? [{ kind: 'none' as const, fill: NONE_FILL, from: 0, to: 0 }] : [])
	];
	const areaNames = new Map(report.places.areas.map((a) => [a.id, a]));
	return {
		level: view,
		measure,
		mode,
		width: tiles?.width ?? SHAPES_WIDTH,
		height: tiles?.height ?? SHAPES_HEIGHT,
		places,
		groups: (tiles?.groups ?? []).map((g) => {
			const area = areaNames.get(g.id)!;
			return { ...g, name_fa: area.name_fa, name_en: area.name_en };
		}),
		legend,
		withoutOutline:
			mode === 'shapes'
				? rows
						.filter((r) => !outlines.has(r.id))
						.map(({ id, name_fa, name_en }) => ({ id, name_fa, name_en }))
				: []
	};
}
