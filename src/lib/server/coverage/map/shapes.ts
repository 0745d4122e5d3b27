import { geoArea, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

// Outlines drawn as SVG paths on the server: d3-geo projects longitude and latitude (Mercator,
// fitted to the map's box) and writes each place's path, with a point inside it for its label.

export const SHAPES_WIDTH = 900;
export const SHAPES_HEIGHT = 640;
const PADDING = 8;
/** A place narrower than this (in map units) gets its value but not its name written on it. */
const NAMED_WIDTH = 70;

export type Outline = Polygon | MultiPolygon;

export interface DrawnShape {
	id: number;
	d: string;
	label: { x: number; y: number; named: boolean };
}

const SPHERE_HALF = 2 * Math.PI;

/**
 * d3-geo reads a ring's direction as which side is inside (clockwise outer rings, the opposite of
 * GeoJSON's rule). A polygon that would cover more than half the globe was written the other way:
 * its rings are turned around.
 */
function d3Winding(outline: Outline): Outline {
	const turn = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
	const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
	const fixed = polygons.map((rings) =>
		geoArea({ type: 'Polygon', coordinates: rings }) > SPHERE_HALF ? turn(rings) : rings
	);
	return outline.type === 'Polygon'
		? { type: 'Polygon', coordinates: fixed[0]! }
		: { type: 'MultiPolygon', coordinates: fixed };
}

export function drawShapes(places: { id: number; outline: Outline }[]): DrawnShape[] {
	const features: Feature<Outline, { id: number }>[] = places.map((p) => ({
		type: 'Feature',
		properties: { id: p.id },
		geometry: d3Winding(p.outline)
	}));
	const all: FeatureCollection<Outline> = { type: 'FeatureCollection', features };
	const projection = geoMercator().fitExtent(
		[
			[PADDING, PADDING],
			[SHAPES_WIDTH - PADDING, SHAPES_HEIGHT - PADDING]
		],
		all
	);
	// One decimal of a 900-unit map is plenty, and keeps the page small.
	const path = geoPath(projection).digits(1);
	return features.map((feature) => {
		const [x, y] = path.centroid(feature);
		const [[left], [right]] = path.bounds(feature);
		return {
			id: feature.properties.id,
			d: path(feature) ?? '',
			label: { x: Math.round(x), y: Math.round(y), named: right - left >= NAMED_WIDTH }
		};
	});
}
