import { kinks } from '@turf/kinks';
import type { Position } from 'geojson';
import { normalizeForSearch } from '../../search/normalize.ts';
import type { Outline } from '../coverage/map/shapes.ts';

// From an uploaded GeoJSON file to one outline a place of the directory, or every reason it
// cannot be used: the file itself (size, JSON, a FeatureCollection), and each feature's geometry
// (a Polygon or MultiPolygon of closed rings of longitude/latitude that do not cross themselves)
// and the name that says which place it is (a place of this level in this district, once).

export const MAX_BOUNDARY_BYTES = 5 * 1024 * 1024;
export const MAX_FEATURES = 2000;
/** The properties read, in this order, for the name of a feature's place. */
export const NAME_PROPERTIES = [
	'name_fa',
	'name_en',
	'name',
	'name:fa',
	'name:en',
	'NAME'
] as const;

export type FileProblem =
	'empty' | 'too_large' | 'not_json' | 'not_collection' | 'no_features' | 'too_many_features';

export type FeatureProblemKind =
	| 'geometry_type'
	| 'coordinates'
	| 'ring_open'
	| 'ring_short'
	| 'self_crossing'
	| 'no_name'
	| 'unknown_place'
	| 'duplicate_place';

export interface FeatureProblem {
	/** The feature's position in the file, from 1. */
	feature: number;
	/** The name it gave, if any. */
	name: string | null;
	problem: FeatureProblemKind;
}

export interface DirectoryPlace {
	id: number;
	name_fa: string;
	name_en: string;
}

export type ReadResult =
	| { ok: true; outlines: { placeId: number; outline: Outline }[] }
	| { ok: false; problem: FileProblem }
	| { ok: false; problem: 'features'; features: FeatureProblem[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function isPosition(value: unknown): value is Position {
	if (!Array.isArray(value) || value.length < 2) return false;
	const [lon, lat] = value;
	return (
		value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
		Math.abs(lon as number) <= 180 &&
		Math.abs(lat as number) <= 90
	);
}

/** Why the rings of one polygon cannot be drawn, or null. */
function polygonProblem(rings: unknown): FeatureProblemKind | null {
	if (!Array.isArray(rings) || rings.length === 0) return 'coordinates';
	for (const ring of rings) {
		if (!Array.isArray(ring) || !ring.every(isPosition)) return 'coordinates';
		if (ring.length < 4) return 'ring_short';
		const [first, last] = [ring[0]!, ring.at(-1)!];
		if (first[0] !== last[0] || first[1] !== last[1]) return 'ring_open';
	}
	return null;
}

function geometryProblem(geometry: unknown): FeatureProblemKind | null {
	if (!isRecord(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon'))
		return 'geometry_type';
	const polygons =
		geometry.type === 'Polygon'
			? [geometry.coordinates]
			: Array.isArray(geometry.coordinates) && geometry.coordinates.length
				? geometry.coordinates
				: [undefined];
	for (const rings of polygons) {
		const problem = polygonProblem(rings);
		if (problem) return problem;
	}
	if (kinks(geometry as unknown as Outline).features.length) return 'self_crossing';
	return null;
}

function namesOf(properties: unknown): string[] {
	if (!isRecord(properties)) return [];
	return NAME_PROPERTIES.map((key) => properties[key])
		.filter(
			(value): value is string | number => typeof value === 'string' || typeof value === 'number'
		)
		.map((value) => String(value).trim())
		.filter((value) => value);
}

/** Reads the file against the places of one level of one district. */
export function readBoundaryFile(bytes: Uint8Array, places: DirectoryPlace[]): ReadResult {
	if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
	if (bytes.byteLength > MAX_BOUNDARY_BYTES) return { ok: false, problem: 'too_large' };
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return { ok: false, problem: 'not_json' };
	}
	if (!isRecord(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features))
		return { ok: false, problem: 'not_collection' };
	if (data.features.length === 0) return { ok: false, problem: 'no_features' };
	if (data.features.length > MAX_FEATURES) return { ok: false, problem: 'too_many_features' };

	const byName = new Map<string, DirectoryPlace>();
	for (const place of places)
		for (const name of [place.name_fa, place.name_en]) byName.set(normalizeForSearch(name), place);
	const problems: FeatureProblem[] = [];
	const outlines: { placeId: number; outline: Outline }[] = [];
	const seen = new Set<number>();
	data.features.forEach((feature: unknown, i) => {
		const names = isRecord(feature) ? namesOf(feature.properties) : [];
		const report = (problem: FeatureProblemKind) =>
			problems.push({ feature: i + 1, name: names[0] ?? null, problem });
		const geometry = isRecord(feature) && feature.type === 'Feature' ? feature.geometry : null;
		const badGeometry = geometryProblem(geometry);
		if (badGeometry) report(badGeometry);
		if (!names.length) return report('no_name');
		const place = names.map((n) => byName.get(normalizeForSearch(n))).find((p) => p);
		if (!place) return report('unknown_place');
		if (seen.has(place.id)) return report('duplicate_place');
		seen.add(place.id);
		if (!badGeometry) outlines.push({ placeId: place.id, outline: geometry as Outline });
	});
	if (problems.length) return { ok: false, problem: 'features', features: problems };
	return { ok: true, outlines };
}
