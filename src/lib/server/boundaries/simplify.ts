import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection } from 'topojson-specification';
import type { Outline } from '../coverage/map/shapes.ts';

// Outlines as uploaded can hold survey-grade detail that a map of a district never shows. They
// are simplified together, as a topology, so that two neighbours keep one shared border (no gaps
// or overlaps appear between them), to about MAX_POINTS points in all, and their coordinates
// rounded to about a metre.

export const MAX_POINTS = 6000;
const QUANTIZATION = 1e5;

export function simplifyOutlines<T extends { outline: Outline }>(places: T[]): T[] {
	const collection = {
		type: 'FeatureCollection' as const,
		features: places.map((p, i) => ({
			type: 'Feature' as const,
			id: i,
			properties: {},
			geometry: p.outline
		}))
	};
	const points = places.reduce(
		(sum, p) => sum + JSON.stringify(p.outline.coordinates).split('],[').length,
		0
	);
	const topo = presimplify(
		topology({ places: collection }, QUANTIZATION) as Parameters<typeof presimplify>[0]
	);
	// Points on a straight line weigh nothing and always go; beyond the budget, the lightest.
	const minWeight = points > MAX_POINTS ? quantile(topo, MAX_POINTS / points) : 0;
	const simplified = simplify(topo, Math.max(Number.MIN_VALUE, minWeight));
	const drawn = feature(simplified, simplified.objects.places as GeometryCollection);
	return places.map((place, i) => ({
		...place,
		outline: drawn.features[i]!.geometry as Outline
	}));
}
