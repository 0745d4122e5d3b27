// GeoJSON outlines for tests: places laid out as a grid of touching quadrilaterals over District
// 14's corner of Tehran, rings counter-clockwise as RFC 7946 has them, each edge with extra points
// so that there is something to simplify. Made up: no real boundary data ships with the app.

const WEST = 51.44;
const SOUTH = 35.64;
const STEP = 0.012;
const POINTS_PER_EDGE = 40;

type Position = [number, number];

function edge(from: Position, to: Position): Position[] {
	return Array.from({ length: POINTS_PER_EDGE }, (_, i): Position => {
		const t = i / POINTS_PER_EDGE;
		return [
			Number((from[0] + (to[0] - from[0]) * t).toFixed(6)),
			Number((from[1] + (to[1] - from[1]) * t).toFixed(6))
		];
	});
}

/** A cell of the grid as a closed counter-clockwise ring. */
export function cellRing(col: number, row: number): Position[] {
	const [x0, y0] = [WEST + col * STEP, SOUTH + row * STEP];
	const corners: Position[] = [
		[x0, y0],
		[x0 + STEP, y0],
		[x0 + STEP, y0 + STEP],
		[x0, y0 + STEP]
	];
	const ring = corners.flatMap((corner, i) => edge(corner, corners[(i + 1) % 4]!));
	return [...ring, ring[0]!];
}

export interface OutlineFeature {
	type: 'Feature';
	properties: Record<string, unknown>;
	geometry: { type: string; coordinates: unknown };
}

/** One feature a name, side by side in rows of five; `property` says which name property. */
export function gridCollection(
	names: string[],
	property = 'name_fa'
): { type: 'FeatureCollection'; features: OutlineFeature[] } {
	return {
		type: 'FeatureCollection',
		features: names.map((name, i) => ({
			type: 'Feature',
			properties: { [property]: name },
			geometry: { type: 'Polygon', coordinates: [cellRing(i % 5, Math.floor(i / 5))] }
		}))
	};
}

/** A ring whose edges cross: a bow tie. */
export const bowTie: Position[] = [
	[51.5, 35.6],
	[51.6, 35.7],
	[51.6, 35.6],
	[51.5, 35.7],
	[51.5, 35.6]
];

export const bytesOf = (value: unknown): Uint8Array =>
	new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
