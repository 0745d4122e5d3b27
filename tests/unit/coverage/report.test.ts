import { beforeAll, describe, expect, it } from 'vitest';
import {
	buildCoverageReport,
	type CoverageReport
} from '../../../src/lib/server/coverage/report.ts';
import type { CoverageQuery } from '../../../src/lib/server/coverage/filter.ts';
import { coverageLinks } from '../../../src/lib/server/coverage/links.ts';
import { measureKeys } from '../../../src/lib/server/coverage/measures.ts';
import { createCoverageWorld, scopedUserOf, type CoverageWorld } from './fixtures.ts';

import { DOWLAB, EXPECTED, ZEROS } from './expected.ts';

describe('the coverage report of a hand-built year', () => {
	let world: CoverageWorld;
	let report: CoverageReport;

	beforeAll(async () => {
		world = await createCoverageWorld();
		report = await reportFor({});
	});

	async function reportFor(query: CoverageQuery): Promise<CoverageReport> {
		const liaison = await scopedUserOf(world.db, 'liaison@demo.test');
		return (await buildCoverageReport(world.db, liaison, query, 'fa'))!;
	}

	it('gives every headline figure', () => {
		expect(report.year.id).toBe(world.yearId);
		expect(report.headline).toEqual(EXPECTED);
	});

	it('gives the same headline whichever level the table below shows', async () => {
		for (const view of ['district', 'area', 'neighborhood', 'school'] as const)
			expect((await reportFor({ view })).headline).toEqual(EXPECTED);
	});

	it('splits students by grade and gender: reached from attendance, enrolled by the school', () => {
		expect(report.studentsByGrade).toEqual([
			{ grade: 1, reached: { girls: 0, boys: 0 }, enrolled: { girls: 40, boys: 0 } },
			{ grade: 7, reached: { girls: 30, boys: 0 }, enrolled: { girls: 100, boys: 60 } },
			{ grade: 8, reached: { girls: 25, boys: 0 }, enrolled: { girls: 90, boys: 50 } },
			{ grade: 9, reached: { girls: 40, boys: 0 }, enrolled: { girls: 80, boys: 0 } }
		]);
	});

	it('drills down to the neighbourhoods of an area, each with the same measures, ranked', async () => {
		const area = await reportFor({ area: world.dowlab.areaId });
		expect(area.query.view).toBe('neighborhood');
		expect(area.rows.map((r) => [r.name_fa, r.rank])).toEqual([
			['دولاب', 1],
			['خاوران', 2],
			['دژکام', 3],
			['شاهین', 3]
		]);
		expect(area.rows[0]!.figures).toEqual(DOWLAB);
		expect(area.rows[1]!.figures).toMatchObject({
			sessionsHeld: 1,
			sessionsProposed: 1,
			sessionsCancelled: 1,
			studentsReached: 0,
			schoolsReached: 1,
			staffRating: null,
			answerRating: 2,
			answers: 1
		});
		expect(area.rows[2]!.figures).toEqual({
			...ZEROS,
			neighborhoodsPaired: 1,
			neighborhoodsTotal: 1,
			schoolsPaired: 1,
			staffRating: null,
			answerRating: null
		});
	});

	it('adds the rows of every level up to the headline', async () => {
		const byArea = await reportFor({});
		expect(byArea.query.view).toBe('area');
		expect(byArea.rows).toHaveLength(6);
		for (const key of measureKeys.filter((k) => !['staffRating', 'answerRating'].includes(k)))
			expect(
				byArea.rows.reduce((sum, r) => sum + r.figures[key]!, 0),
				key
			).toBe(EXPECTED[key]);
		const byDistrict = await reportFor({ view: 'district' });
		expect(byDistrict.rows.map((r) => r.figures)).toEqual([EXPECTED]);
	});

	it("shows a neighbourhood's schools: paired or visited, without the neighbourhood's own measures", async () => {
		const dowlab = await reportFor({ neighborhood: world.dowlab.neighborhoodId });
		expect(dowlab.query).toMatchObject({ view: 'school', area: world.dowlab.areaId });
		expect(dowlab.rows.map((r) => r.id)).toEqual([world.dowlab.schoolId]);
		expect(dowlab.rows[0]!.figures).toEqual({
			...DOWLAB,
			neighborhoodsPaired: null,
			neighborhoodsTotal: null,
			eventsPlanned: null,
			eventsHeld: null,
			eventsCancelled: null,
			eventAttendance: null
		});
		expect(dowlab.headline).toEqual(DOWLAB);
	});

	it('counts only what matches the school level and gender, but not Sunday events', async () => {
		const girls = await reportFor({ level: 'lower_secondary', gender: 'girls' });
		expect(girls.headline).toEqual({
			...DOWLAB,
			neighborhoodsTotal: 25,
			eventsPlanned: 5,
			eventsHeld: 4,
			eventsCancelled: 1,
			eventAttendance: 39
		});
		const primary = await reportFor({ level: 'primary' });
		expect(primary.headline).toMatchObject({
			neighborhoodsPaired: 1,
			schoolsPaired: 1,
			sessionsProposed: 1,
			sessionsDeclined: 1,
			sessionsHeld: 0,
			studentsEnrolled: 40
		});
	});

	it('marks the gaps of the topic matrix: held sessions per neighbourhood and topic', () => {
		const codes = report.topics!.topics.map((t) => t.code);
		expect(codes).toHaveLength(8);
		const row = (name: string) =>
			Object.fromEntries(
				report
					.topics!.rows.find((r) => r.neighborhood.name_fa === name)!
					.held.map((held, i) => [codes[i], held])
			);
		expect(report.topics!.rows).toHaveLength(25);
		expect(row('دولاب')).toMatchObject({ addiction: 1, cyberspace: 1, life_skills: 0 });
		expect(row('خاوران')).toMatchObject({ addiction: 1, bullying: 0, cyberspace: 0 });
		expect(Object.values(row('شاهین')).every((n) => n === 0)).toBe(true);
		expect(Object.values(row('شهرابی')).every((n) => n === 0)).toBe(true);
	});

	it('runs the trend by Jalali month from Mehr, by the date of each session and event', () => {
		expect(report.trend.map((t) => t.month)).toEqual([7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6]);
		expect(report.trend[0]).toEqual({
			year: 1405,
			month: 7,
			firstDay: '2026-09-23',
			sessionsHeld: 1,
			studentsReached: 55,
			eventsHeld: 3
		});
		expect(report.trend[1]).toEqual({
			year: 1405,
			month: 8,
			firstDay: '2026-10-23',
			sessionsHeld: 2,
			studentsReached: 40,
			eventsHeld: 1
		});
		expect(report.trend.slice(2).every((t) => !t.sessionsHeld && !t.eventsHeld)).toBe(true);
		expect(report.trend.at(-1)).toMatchObject({ year: 1406, month: 6, firstDay: '2027-08-23' });
	});

	it('sorts by any measure or by name, and ranks by the measure sorted by', async () => {
		const area = world.dowlab.areaId;
		const declined = await reportFor({ area, sort: 'sessionsDeclined', dir: 'desc' });
		expect(declined.rows.map((r) => [r.name_fa, r.rank])).toEqual([
			['شاهین', 1],
			['خاوران', 2],
			['دژکام', 2],
			['دولاب', 2]
		]);
		const byName = await reportFor({ area, sort: 'name', dir: 'desc' });
		expect(byName.rows.map((r) => [r.name_fa, r.rank])).toEqual([
			['شاهین', 3],
			['دولاب', 1],
			['دژکام', 3],
			['خاوران', 2]
		]);
	});

	it('drops a neighbourhood that lies outside the area chosen instead', async () => {
		const other = await world.db
			.selectFrom('neighborhoods')
			.select('area_id')
			.where('name_fa', '=', 'شهرابی')
			.executeTakeFirstOrThrow();
		const moved = await reportFor({
			area: other.area_id,
			neighborhood: world.dowlab.neighborhoodId
		});
		expect(moved.query).toMatchObject({
			area: other.area_id,
			neighborhood: undefined,
			view: 'neighborhood'
		});
		expect(moved.headline.sessionsHeld).toBe(0);
	});

	it('leaves out last school year and reads it when asked for', async () => {
		const last = await reportFor({ year: world.previousYearId });
		expect(last.headline).toMatchObject({
			neighborhoodsPaired: 25,
			sessionsHeld: 1,
			studentsReached: 1000,
			answers: 3,
			eventsHeld: 1,
			eventAttendance: 50
		});
	});
});

describe('the links of the coverage page', () => {
	it('drill down, sort and lead back up, keeping the year, the filters and the sort', async () => {
		const world = await createCoverageWorld();
		const liaison = await scopedUserOf(world.db, 'liaison@demo.test');
		const area = world.dowlab.areaId;
		const report = (await buildCoverageReport(
			world.db,
			liaison,
			{ area, level: 'primary' },
			'fa'
		))!;
		const links = coverageLinks(report);
		const base = `year=${world.yearId}`;
		const district = report.query.district;
		expect(links.exportQuery).toBe(
			`?${base}&district=${district}&area=${area}&level=primary&view=neighborhood&sort=sessionsHeld&dir=desc`
		);
		expect(links.drill[world.dowlab.neighborhoodId]).toBe(
			`/coverage?${base}&district=${district}&area=${area}&neighborhood=${world.dowlab.neighborhoodId}&level=primary&sort=sessionsHeld&dir=desc`
		);
		expect(links.sort.sessionsHeld).toContain('sort=sessionsHeld&dir=asc');
		expect(links.sort.answers).toContain('sort=answers&dir=desc');
		expect(links.sort.name).toContain('sort=name&dir=asc');
		expect(links.breadcrumb.map((c) => c.label?.name_fa ?? null)).toEqual([
			null,
			'منطقه ۱۴',
			'ناحیه ۳'
		]);
		expect(links.breadcrumb[1]!.href).toBe(
			`/coverage?${base}&district=${district}&level=primary&sort=sessionsHeld&dir=desc`
		);
	});
});
