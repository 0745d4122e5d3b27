import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import {
	MAX_BOUNDARY_BYTES,
	readBoundaryFile,
	type DirectoryPlace
} from '../../../src/lib/server/boundaries/read-file.ts';
import { findOutlines } from '../../../src/lib/server/boundaries/repository.ts';
import { removeBoundaries, uploadBoundaries } from '../../../src/lib/server/boundaries/service.ts';
import { simplifyOutlines } from '../../../src/lib/server/boundaries/simplify.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { findUserByEmail, findUserScope } from '../../../src/lib/server/users/repository.ts';
import { bowTie, bytesOf, cellRing, gridCollection } from '../../helpers/boundaries.ts';
import { createTestDb } from '../../helpers/test-db.ts';

// An uploaded GeoJSON file is checked whole (geometry, the names that say which place each
// feature is, places not in this district) and refused with every reason and no change; a good
// one replaces the level's outlines, simplified, audited, in the admin's own districts only.

const places: DirectoryPlace[] = [
	{ id: 1, name_fa: 'دولاب', name_en: 'Dulab' },
	{ id: 2, name_fa: 'خاوران', name_en: 'Khavaran' },
	{ id: 3, name_fa: 'شاهین', name_en: 'Shahin' }
];

describe('reading a boundary file', () => {
	it('matches each feature to a place by its Persian or English name, as the search does', () => {
		const file = gridCollection(['دولاب', 'Khavaran', 'شاهين'], 'name');
		const read = readBoundaryFile(bytesOf(file), places);
		expect(read.ok && read.outlines.map((o) => o.placeId)).toEqual([1, 2, 3]);
	});

	it('refuses the file itself: empty, too large, not JSON, not a FeatureCollection, no features', () => {
		const problem = (bytes: Uint8Array) => {
			const read = readBoundaryFile(bytes, places);
			return !read.ok && read.problem;
		};
		expect(problem(new Uint8Array())).toBe('empty');
		expect(problem(new Uint8Array(MAX_BOUNDARY_BYTES + 1))).toBe('too_large');
		expect(problem(bytesOf('{"type": "FeatureCollection",'))).toBe('not_json');
		expect(problem(new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]))).toBe('not_json');
		expect(problem(bytesOf({ type: 'Feature', geometry: null }))).toBe('not_collection');
		expect(problem(bytesOf({ type: 'FeatureCollection', features: [] }))).toBe('no_features');
	});

	it('lists every feature that is wrong, with its number and name', () => {
		const file = gridCollection(['دولاب', 'خاوران', 'شاهین', 'تجریش', '']);
		file.features[0]!.geometry = { type: 'Polygon', coordinates: [bowTie] };
		file.features[1]!.geometry = { type: 'Polygon', coordinates: [cellRing(0, 0).slice(0, -1)] };
		file.features[2]!.geometry = { type: 'Point', coordinates: [51.5, 35.6] };
		file.features.push({
			...file.features[0]!,
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 1],
						[0, 0]
					]
				]
			}
		});
		file.features.push({
			type: 'Feature',
			properties: { name_en: 'Dulab' },
			geometry: {
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[200, 35],
							[201, 35],
							[201, 36],
							[200, 35]
						]
					]
				]
			}
		});
		const read = readBoundaryFile(bytesOf(file), places);
		expect(read.ok).toBe(false);
		expect(!read.ok && read.problem === 'features' && read.features).toEqual([
			{ feature: 1, name: 'دولاب', problem: 'self_crossing' },
			{ feature: 2, name: 'خاوران', problem: 'ring_open' },
			{ feature: 3, name: 'شاهین', problem: 'geometry_type' },
			{ feature: 4, name: 'تجریش', problem: 'unknown_place' },
			{ feature: 5, name: null, problem: 'no_name' },
			{ feature: 6, name: 'دولاب', problem: 'ring_short' },
			{ feature: 6, name: 'دولاب', problem: 'duplicate_place' },
			{ feature: 7, name: 'Dulab', problem: 'coordinates' },
			{ feature: 7, name: 'Dulab', problem: 'duplicate_place' }
		]);
	});
});

describe('simplifying outlines', () => {
	it('keeps at most the budget of points and the border two neighbours share', () => {
		const grid = gridCollection(Array.from({ length: 25 }, (_, i) => `p${i}`));
		const outlines = grid.features.map((f) => ({
			outline: f.geometry as { type: 'Polygon'; coordinates: [number, number][][] }
		}));
		const simplified = simplifyOutlines(outlines);
		const points = simplified.reduce(
			(n, o) => n + (o.outline.coordinates[0] as unknown[]).length,
			0
		);
		expect(points).toBeLessThan(outlines.length * 161);
		// Cells 0 and 1 share their edge at longitude 51.452: both keep exactly its two ends.
		const onEdge = (i: number) =>
			(simplified[i]!.outline.coordinates[0] as number[][])
				.filter(([lon]) => Math.abs(lon! - 51.452) < 1e-4)
				.map(([, lat]) => lat!.toFixed(4))
				.sort();
		expect([...new Set(onEdge(0))]).toEqual([...new Set(onEdge(1))]);
	});
});

describe('uploading boundaries', () => {
	let db: DB;
	let admin: Actor;
	let names: string[];
	let districtId: number;
	beforeAll(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		const user = (await findUserByEmail(db, 'admin@demo.test'))!;
		const scope = await findUserScope(db, user);
		admin = { id: user.id, districtIds: scope.districtIds, ip: '192.0.2.1' };
		districtId = scope.districtIds[0]!;
		names = (await db.selectFrom('neighborhoods').select('name_fa').orderBy('id').execute()).map(
			(n) => n.name_fa
		);
	});
	afterAll(async () => db.destroy());

	const upload = (file: unknown, actor = admin, district = districtId) =>
		uploadBoundaries(db, actor, {
			districtId: district,
			level: 'neighborhood',
			fileName: 'district14.geojson',
			bytes: bytesOf(file)
		});
	const stored = async () =>
		db
			.selectFrom('place_boundaries')
			.select(['neighborhood_id', 'geometry'])
			.orderBy('neighborhood_id')
			.execute();
	const audits = async () =>
		db
			.selectFrom('audit_log')
			.select(['action', 'after'])
			.where('action', 'like', 'boundaries%')
			.orderBy('id')
			.execute();

	it('stores a good file simplified and audited, replacing the level', async () => {
		expect(await upload(gridCollection(names.slice(0, 3)))).toEqual({ ok: true, places: 3 });
		expect(await upload(gridCollection(names))).toEqual({ ok: true, places: 25 });
		expect(await stored()).toHaveLength(25);
		const ids = (await db.selectFrom('neighborhoods').select('id').execute()).map((n) => n.id);
		expect((await findOutlines(db, 'neighborhood', ids)).size).toBe(25);
		expect((await audits()).map((a) => [a.action, JSON.parse(a.after!)])).toEqual([
			['boundaries_uploaded', { level: 'neighborhood', file: 'district14.geojson', places: 3 }],
			['boundaries_uploaded', { level: 'neighborhood', file: 'district14.geojson', places: 25 }]
		]);
	});

	it('changes nothing when the file is refused', async () => {
		const before = await stored();
		const file = gridCollection([...names.slice(0, 24), 'تجریش']);
		const result = await upload(file);
		expect(result).toMatchObject({ ok: false, problem: 'features' });
		expect(await stored()).toEqual(before);
		expect(await audits()).toHaveLength(2);
	});

	it('is for the admin’s own districts only', async () => {
		const other = { ...admin, districtIds: [] };
		expect(await upload(gridCollection(names), other)).toEqual({ ok: false, error: 'not_found' });
		expect(await removeBoundaries(db, other, districtId, 'neighborhood')).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await stored()).toHaveLength(25);
	});

	it('removes a level’s outlines, audited once', async () => {
		expect(await removeBoundaries(db, admin, districtId, 'neighborhood')).toEqual({
			ok: true,
			removed: true
		});
		expect(await removeBoundaries(db, admin, districtId, 'neighborhood')).toEqual({
			ok: true,
			removed: false
		});
		expect(await stored()).toEqual([]);
		expect((await audits()).map((a) => a.action)).toEqual([
			'boundaries_uploaded',
			'boundaries_uploaded',
			'boundaries_removed'
		]);
	});
});
