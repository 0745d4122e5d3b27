import { beforeAll, describe, expect, it } from 'vitest';
import type { CoverageQuery } from '../../../src/lib/server/coverage/filter.ts';
import {
	buildCoverageReport,
	type CoverageReport
} from '../../../src/lib/server/coverage/report.ts';
import { demoPasswordHash, insertSecondDistrict } from '../users/fixtures.ts';
import { createCoverageWorld, scopedUserOf, type CoverageWorld } from './fixtures.ts';
import { DOWLAB } from './expected.ts';

// Everyone reads coverage within their own scope: a centre manager their neighbourhoods, school
// staff their school, an admin or liaison their districts.

describe('coverage within scope', () => {
	let world: CoverageWorld;

	beforeAll(async () => {
		world = await createCoverageWorld();
		await insertSecondDistrict(world.db, await demoPasswordHash(world.db));
	});

	async function reportOf(email: string, query: CoverageQuery = {}): Promise<CoverageReport> {
		return (await buildCoverageReport(world.db, await scopedUserOf(world.db, email), query, 'fa'))!;
	}

	it("gives a centre manager only their two neighbourhoods' figures", async () => {
		const report = await reportOf('manager@demo.test', { view: 'neighborhood' });
		expect(report.places.neighborhoods.map((n) => n.name_fa).sort()).toEqual(['خاوران', 'دولاب']);
		expect(report.rows.map((r) => r.name_fa)).toEqual(['دولاب', 'خاوران']);
		expect(report.topics!.rows.map((r) => r.neighborhood.name_fa).sort()).toEqual([
			'خاوران',
			'دولاب'
		]);
		expect(report.headline).toEqual({
			neighborhoodsPaired: 2,
			neighborhoodsTotal: 2,
			schoolsReached: 2,
			schoolsPaired: 2,
			sessionsProposed: 1,
			sessionsConfirmed: 1,
			sessionsHeld: 3,
			sessionsCancelled: 1,
			sessionsDeclined: 0,
			studentsReached: 95,
			studentsEnrolled: 380,
			eventsPlanned: 4,
			eventsHeld: 3,
			eventsCancelled: 1,
			// دولاب 12 and خاوران 20.
			eventAttendance: 32,
			staffRating: 3.7,
			staffRatings: 3,
			answerRating: 3.5,
			answers: 4
		});
	});

	it('gives a centre manager nothing of a neighbourhood outside their scope, even when asked', async () => {
		const report = await reportOf('manager@demo.test', {
			neighborhood: world.shahin.neighborhoodId,
			view: 'school'
		});
		expect(report.rows).toEqual([]);
		expect(report.headline).toMatchObject({
			neighborhoodsTotal: 0,
			sessionsProposed: 0,
			sessionsDeclined: 0,
			eventsHeld: 0
		});
	});

	it('gives school staff only their school', async () => {
		const staff = await reportOf('staff@demo.test', { view: 'school' });
		expect(staff.rows.map((r) => r.id)).toEqual([world.dowlab.schoolId]);
		expect(staff.headline).toEqual(DOWLAB);
		const other = await reportOf('staff2@demo.test');
		expect(other.headline).toMatchObject({
			sessionsHeld: 0,
			sessionsProposed: 1,
			sessionsDeclined: 1,
			studentsEnrolled: 40,
			eventsHeld: 1
		});
	});

	it('over several districts with none chosen, lists districts only and waits with the matrix', async () => {
		const liaison = await scopedUserOf(world.db, 'liaison@demo.test');
		const districts = await world.db.selectFrom('districts').select(['id', 'name_en']).execute();
		const both = {
			...liaison,
			scope: { ...liaison.scope, districtIds: districts.map((d) => d.id) }
		};
		const wide = (await buildCoverageReport(world.db, both, { view: 'neighborhood' }, 'fa'))!;
		expect(wide.query.view).toBe('district');
		expect(wide.rows.map((r) => r.name_en).sort()).toEqual(['District 14', 'District 15']);
		expect(wide.places).toMatchObject({ areas: [], neighborhoods: [] });
		expect(wide.topics).toBeNull();
		expect(wide.headline.neighborhoodsTotal).toBe(26);

		const d14 = districts.find((d) => d.name_en === 'District 14')!.id;
		const one = (await buildCoverageReport(world.db, both, { district: d14 }, 'fa'))!;
		expect(one.query.view).toBe('area');
		expect(one.places.areas).toHaveLength(6);
		expect(one.places.neighborhoods).toHaveLength(25);
		expect(one.topics!.rows).toHaveLength(25);
		expect(one.headline.neighborhoodsTotal).toBe(25);

		// An area asked for without its district brings its district's places.
		const area = one.places.areas[0]!;
		const byArea = (await buildCoverageReport(world.db, both, { area: area.id }, 'fa'))!;
		expect(byArea.query).toMatchObject({ district: d14, area: area.id, view: 'neighborhood' });
		expect(byArea.places.areas).toHaveLength(6);
	});

	it("gives another district's admin none of District 14", async () => {
		const report = await reportOf('admin15@other.test');
		expect(report.places.districts.map((d) => d.name_en)).toEqual(['District 15']);
		expect(report.headline).toMatchObject({
			neighborhoodsTotal: 1,
			neighborhoodsPaired: 0,
			sessionsHeld: 0,
			eventsPlanned: 0,
			answers: 0
		});
	});
});
