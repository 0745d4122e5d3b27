import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../../src/lib/server/auth/guard.ts';
import type { CoverageView } from '../../../src/lib/server/coverage/filter.ts';
import { coverageLinks } from '../../../src/lib/server/coverage/links.ts';
import { buildCoverageMap } from '../../../src/lib/server/coverage/map/build.ts';
import { colourIndex, mapScale, STEP_COLOURS } from '../../../src/lib/server/coverage/map/scale.ts';
import { layoutTiles } from '../../../src/lib/server/coverage/map/tiles.ts';
import { buildCoverageReport } from '../../../src/lib/server/coverage/report.ts';
import { uploadBoundaries } from '../../../src/lib/server/boundaries/service.ts';
import { bytesOf, gridCollection } from '../../helpers/boundaries.ts';
import { createCoverageWorld, scopedUserOf, type CoverageWorld } from './fixtures.ts';

// The map is a picture of the report's rows: at every level it has the same places as the table,
// with the same numbers, each leading where its row leads; topics covered are the distinct topics
// of held sessions. Its colours step up with the value, gaps apart; outlines replace tiles.

describe('the coverage map', () => {
	let world: CoverageWorld;
	let liaison: AuthUser;
	let admin: AuthUser;
	beforeAll(async () => {
		world = await createCoverageWorld();
		liaison = await scopedUserOf(world.db, 'liaison@demo.test');
		admin = await scopedUserOf(world.db, 'admin@demo.test');
	});
	afterAll(async () => world.db.destroy());

	async function mapAt(view: CoverageView, more: object = {}) {
		const report = (await buildCoverageReport(world.db, liaison, { view, ...more }, 'fa'))!;
		const map = await buildCoverageMap(world.db, report, coverageLinks(report).drill, true);
		return { report, map };
	}

	it.each(['district', 'area', 'neighborhood'] as const)(
		'at the %s level shows the table’s places with the table’s numbers',
		async (view) => {
			const { report, map } = await mapAt(view);
			expect(map!.places.map((p) => p.id).sort()).toEqual(report.rows.map((r) => r.id).sort());
			const links = coverageLinks(report).drill;
			for (const place of map!.places) {
				const row = report.rows.find((r) => r.id === place.id)!;
				expect(place.numbers).toMatchObject({
					paired: row.figures.neighborhoodsPaired,
					total: row.figures.neighborhoodsTotal,
					sessionsHeld: row.figures.sessionsHeld,
					studentsReached: row.figures.studentsReached
				});
				expect(place.href).toBe(links[place.id]);
				expect(place.value).toBe(place.numbers.pairedShare);
			}
			const sum = (key: 'sessionsHeld' | 'studentsReached') =>
				map!.places.reduce((total, p) => total + p.numbers[key], 0);
			expect(sum('sessionsHeld')).toBe(report.headline.sessionsHeld);
			expect(sum('studentsReached')).toBe(report.headline.studentsReached);
		}
	);

	it('counts the distinct topics of held sessions: addiction and cyberspace at دولاب', async () => {
		const { map } = await mapAt('neighborhood', { map: 'topicsCovered' });
		const topics = (id: number) => map!.places.find((p) => p.id === id)!.numbers.topicsCovered;
		expect(topics(world.dowlab.neighborhoodId)).toBe(2);
		expect(topics(world.khavaran.neighborhoodId)).toBe(1);
		// Proposed and declined sessions cover nothing.
		expect(topics(world.shahin.neighborhoodId)).toBe(0);
		expect(map!.places.find((p) => p.id === world.dowlab.neighborhoodId)!.value).toBe(2);
		const { map: district } = await mapAt('district', { map: 'topicsCovered' });
		expect(district!.places[0]!.numbers.topicsCovered).toBe(2);
	});

	it('is tiles grouped by area until outlines exist, then shapes, and none at the school level', async () => {
		const { map: tiles } = await mapAt('neighborhood');
		expect(tiles!.mode).toBe('tiles');
		expect(tiles!.groups.length).toBe(6);
		expect(tiles!.places.every((p) => p.tile && !p.shape)).toBe(true);

		const names = (
			await world.db.selectFrom('neighborhoods').select('name_fa').orderBy('id').execute()
		).map((n) => n.name_fa);
		const actor = { id: admin.id, districtIds: admin.scope.districtIds, ip: null };
		const saved = await uploadBoundaries(world.db, actor, {
			districtId: admin.scope.districtIds[0]!,
			level: 'neighborhood',
			fileName: 'n.geojson',
			bytes: bytesOf(gridCollection(names))
		});
		expect(saved).toEqual({ ok: true, places: 25 });
		const { map: shapes } = await mapAt('neighborhood');
		expect(shapes!.mode).toBe('shapes');
		expect(shapes!.places.every((p) => p.shape?.d.startsWith('M'))).toBe(true);
		expect(shapes!.withoutOutline).toEqual([]);
		// Areas have no outlines of their own yet: tiles.
		expect((await mapAt('area')).map!.mode).toBe('tiles');
		expect((await mapAt('school')).map).toBeNull();
	});

	it('colours by steps that rise with the value, with gaps and missing values apart', () => {
		const scale = mapScale('sessionsHeld', [0, 1, 4, 8, null]);
		expect(scale.tops).toEqual([2, 4, 6, 8]);
		expect(scale.classOf(0)).toEqual({ kind: 'gap' });
		expect(scale.classOf(null)).toEqual({ kind: 'none' });
		expect([1, 3, 5, 8].map((v) => scale.classOf(v))).toEqual(
			[0, 1, 2, 3].map((step) => ({ kind: 'step', step }))
		);
		expect(mapScale('pairedShare', [100]).tops).toEqual([25, 50, 75, 100]);
		// One value alone takes the darkest colour; two steps the lightest and the darkest.
		expect(mapScale('sessionsHeld', [1]).tops).toEqual([1]);
		expect(colourIndex(0, 1)).toBe(STEP_COLOURS.length - 1);
		expect([colourIndex(0, 2), colourIndex(1, 2)]).toEqual([0, 3]);
	});

	it('lays tiles out without overlap, mirrored right to left for Persian', () => {
		const groups = [
			{ id: 1, label: 'a', ids: [1, 2, 3, 4, 5] },
			{ id: 2, label: 'b', ids: [6, 7] },
			{ id: 3, label: 'c', ids: [8, 9, 10, 11] }
		];
		const ltr = layoutTiles(groups, false);
		const rtl = layoutTiles(groups, true);
		const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
			a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
		for (const [i, a] of ltr.tiles.entries())
			for (const b of ltr.tiles.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
		for (const tile of ltr.tiles) {
			const group = ltr.groups.find((g) =>
				groups.find((x) => x.id === g.id)!.ids.includes(tile.id)
			)!;
			expect(tile.x >= group.x && tile.x + tile.width <= group.x + group.width).toBe(true);
			const mirrored = rtl.tiles.find((t) => t.id === tile.id)!;
			expect(mirrored.x).toBe(ltr.width - tile.x - tile.width);
		}
		expect(ltr.tiles.map((t) => t.x + t.width).every((right) => right <= ltr.width)).toBe(true);
	});
});
