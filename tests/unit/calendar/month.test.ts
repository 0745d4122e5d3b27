import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import {
	loadCalendarMonth,
	loadCalendarPage,
	SESSIONS_PER_DAY,
	type CalendarDay
} from '../../../src/lib/server/calendar/month.ts';
import { createClosure, generateFixedHolidays } from '../../../src/lib/server/closures/service.ts';
import { listSchoolYears } from '../../../src/lib/server/school-years/repository.ts';
import { demoPasswordHash, insertSecondDistrict } from '../users/fixtures.ts';
import {
	actorOf,
	createSessionWorld,
	NOW,
	proposal,
	TODAY,
	type SessionWorld
} from '../bell-sessions/fixtures.ts';

// Azar 1405 runs from 2026-11-22 to 2026-12-21; its last day is a Monday.

function daysOf(month: { weeks: (CalendarDay | null)[][] }): CalendarDay[] {
	return month.weeks.flat().filter((day): day is CalendarDay => day !== null);
}

function dayOf(month: { weeks: (CalendarDay | null)[][] }, date: string): CalendarDay {
	return daysOf(month).find((day) => day.date === date)!;
}

async function propose(
	world: SessionWorld,
	date: string,
	start_time = '08:00',
	duration_minutes = 60
): Promise<number> {
	const result = await proposeBellSession(
		world.db,
		world.manager,
		proposal(world, { date, start_time, duration_minutes }),
		NOW
	);
	if (!result.ok) throw new Error(`proposal refused: ${JSON.stringify(result)}`);
	return result.id;
}

describe('a month of the calendar', () => {
	let world: SessionWorld;
	beforeEach(async () => {
		world = await createSessionWorld();
	});
	afterEach(async () => world.db.destroy());

	it('puts each session on its day in time order, up to the last day of the month', async () => {
		const late = await propose(world, '2026-12-01', '10:00');
		const early = await propose(world, '2026-12-01', '08:00');
		const lastDay = await propose(world, '2026-12-21');
		const nextMonth = await propose(world, '2026-12-22');
		const month = await loadCalendarMonth(world.db, world.manager, 'fa', '1405-09', TODAY);

		expect(dayOf(month, '2026-12-01').entries.map((e) => e.href)).toEqual([
			`/sessions/${early}`,
			`/sessions/${late}`
		]);
		const last = daysOf(month).at(-1)!;
		expect(last).toMatchObject({ date: '2026-12-21', day: 30 });
		expect(last.entries.map((e) => e.key)).toEqual([`bell_session:${lastDay}`]);
		const all = daysOf(month).flatMap((day) => day.entries.map((e) => e.href));
		expect(all).toHaveLength(3);
		expect(all).not.toContain(`/sessions/${nextMonth}`);
	});

	it('shows the first sessions of a crowded day in time order and counts the rest', async () => {
		const starts = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
		const ids = [];
		for (const start of [...starts].reverse())
			ids.unshift(await propose(world, '2026-12-01', start, 30));
		const other = await propose(world, '2026-12-02');
		const month = await loadCalendarMonth(world.db, world.manager, 'fa', '1405-09', TODAY);
		const crowded = dayOf(month, '2026-12-01');
		expect(crowded.entries.map((e) => e.href)).toEqual(
			ids.slice(0, SESSIONS_PER_DAY).map((id) => `/sessions/${id}`)
		);
		expect(crowded.more).toBe(starts.length - SESSIONS_PER_DAY);
		expect(dayOf(month, '2026-12-02')).toMatchObject({ more: 0 });
		expect(dayOf(month, '2026-12-02').entries.map((e) => e.href)).toEqual([`/sessions/${other}`]);
	});

	it('describes a session in the language of the page', async () => {
		const id = await propose(world, '2026-12-01');
		await world.db
			.updateTable('bell_sessions')
			.set({ status: 'cancelled' })
			.where('id', '=', id)
			.execute();
		const school = await world.db
			.selectFrom('schools')
			.select('name')
			.where('id', '=', world.dowlab.schoolId)
			.executeTakeFirstOrThrow();
		const fa = await loadCalendarMonth(world.db, world.manager, 'fa', '1405-09', TODAY);
		expect(dayOf(fa, '2026-12-01').entries[0]).toEqual({
			key: `bell_session:${id}`,
			date: '2026-12-01',
			startsAt: '2026-12-01T04:30:00.000Z',
			title: 'پیشگیری از اعتیاد',
			place: school.name,
			status: 'لغوشده',
			inactive: true,
			href: `/sessions/${id}`
		});
		const en = await loadCalendarMonth(world.db, world.manager, 'en', '2026-12', TODAY);
		expect(dayOf(en, '2026-12-01').entries[0]).toMatchObject({
			title: 'Addiction prevention',
			status: 'Cancelled',
			inactive: true
		});
	});

	it('shows staff2@ none of the sessions of staff@’s school', async () => {
		const id = await propose(world, '2026-12-01');
		const staff = await actorOf(world.db, 'staff@demo.test');
		const staff2 = await actorOf(world.db, 'staff2@demo.test');
		expect(staff.scope.schoolId).toBe(world.dowlab.schoolId);

		const seen = async (user: typeof staff) =>
			daysOf(await loadCalendarMonth(world.db, user, 'fa', '1405-09', TODAY)).flatMap((day) =>
				day.entries.map((e) => e.href)
			);
		expect(await seen(staff)).toEqual([`/sessions/${id}`]);
		expect(await seen(staff2)).toEqual([]);
		expect(await seen(await actorOf(world.db, 'manager2@demo.test'))).toEqual([]);
		expect(await seen(await actorOf(world.db, 'liaison@demo.test'))).toEqual([`/sessions/${id}`]);
	});

	it('names holidays on their days, and a school’s or centre’s closure only for its own people', async () => {
		const staff = await actorOf(world.db, 'staff@demo.test');
		const staff2 = await actorOf(world.db, 'staff2@demo.test');
		const manager2 = await actorOf(world.db, 'manager2@demo.test');
		const { admin, dowlab } = world;
		const closure = async (kind: 'school' | 'center', date: string, name_fa: string) => {
			const created = await createClosure(
				world.db,
				{ id: admin.id, ip: admin.ip, districtIds: admin.scope.districtIds },
				{
					district_id: admin.scope.districtIds[0]!,
					kind,
					school_id: kind === 'school' ? dowlab.schoolId : null,
					center_id: kind === 'center' ? dowlab.centerId : null,
					starts_on: date,
					ends_on: kind === 'school' ? '2027-02-10' : date,
					name_fa,
					name_en: ''
				}
			);
			expect(created.ok).toBe(true);
		};
		await closure('school', '2027-02-09', 'اردوی مدرسه');
		await closure('center', '2027-02-13', 'تعمیرات سرا');

		// Bahman 1405: 22 Bahman (Revolution Day) is 2027-02-11.
		const closures = async (user: typeof staff, locale: 'fa' | 'en', month: string) =>
			daysOf(await loadCalendarMonth(world.db, user, locale, month, TODAY))
				.filter((day) => day.closures.length)
				.map((day) => [day.date, day.closures.map((c) => c.name)]);
		expect(await closures(staff, 'fa', '1405-11')).toEqual([
			['2027-02-09', ['اردوی مدرسه']],
			['2027-02-10', ['اردوی مدرسه']],
			['2027-02-11', ['پیروزی انقلاب اسلامی']]
		]);
		expect(await closures(staff2, 'fa', '1405-11')).toEqual([
			['2027-02-11', ['پیروزی انقلاب اسلامی']]
		]);
		expect(await closures(world.manager, 'fa', '1405-11')).toEqual([
			['2027-02-11', ['پیروزی انقلاب اسلامی']],
			['2027-02-13', ['تعمیرات سرا']]
		]);
		expect(await closures(manager2, 'fa', '1405-11')).toEqual([
			['2027-02-11', ['پیروزی انقلاب اسلامی']]
		]);
		// Admins see the district's holidays, not every school's closed days; an English name
		// falls back to the Persian one when none was given.
		expect(await closures(admin, 'en', '2027-02')).toEqual([['2027-02-11', ['Revolution Day']]]);
		expect(await closures(staff, 'en', '2027-02')).toContainEqual(['2027-02-09', ['اردوی مدرسه']]);
	});

	it('keeps to the user’s districts and names a holiday every district shares once', async () => {
		const { db, admin } = world;
		const other = await insertSecondDistrict(db, await demoPasswordHash(db));
		const otherAdmin = { id: other.adminId, ip: null, districtIds: [other.districtId] };
		for (const year of await listSchoolYears(db))
			await generateFixedHolidays(db, otherAdmin, other.districtId, year.id);
		const both = {
			role: 'liaison' as const,
			scope: {
				districtIds: [...admin.scope.districtIds, other.districtId],
				centerIds: [],
				schoolId: null
			}
		};
		const revolutionDay = async (user: Pick<typeof admin, 'role' | 'scope'>) =>
			dayOf(await loadCalendarMonth(db, user, 'fa', '1405-11', TODAY), '2027-02-11').closures;
		expect(await revolutionDay(both)).toMatchObject([{ name: 'پیروزی انقلاب اسلامی' }]);
		const [own] = await revolutionDay(admin);
		const [theirs] = await revolutionDay({
			role: 'admin',
			scope: { ...both.scope, districtIds: [other.districtId] }
		});
		expect(own!.id).not.toBe(theirs!.id);
	});

	it('shows today’s month when ?month= is nonsense', async () => {
		const month = await loadCalendarMonth(world.db, world.manager, 'fa', '1405-99', TODAY);
		expect(month).toMatchObject({ first: '2026-11-22', last: '2026-12-21', isCurrent: true });
	});

	it('shows a country’s liaison one district at a time, and nothing until one is chosen', async () => {
		const { db, admin } = world;
		const id = await propose(world, '2026-12-01');
		const other = await insertSecondDistrict(db, await demoPasswordHash(db));
		const own = admin.scope.districtIds[0]!;
		// Districts beyond the second are not in the database: the scope is as wide as a country's.
		const districtIds = [own, other.districtId, ...Array.from({ length: 30 }, (_, i) => 9000 + i)];
		const country = {
			role: 'liaison' as const,
			scope: { districtIds, centerIds: [], schoolId: null }
		};
		const page = (district: string | null, user: typeof country = country) =>
			loadCalendarPage(db, user, 'fa', { month: '1405-09', district }, TODAY);
		const hrefs = (month: { weeks: (CalendarDay | null)[][] }) =>
			daysOf(month).flatMap((day) => [
				...day.entries.map((e) => e.href),
				...day.closures.map((c) => c.name)
			]);

		const unchosen = await page(null);
		expect(unchosen.districtChoice).toEqual({
			chosen: null,
			districts: [
				expect.objectContaining({ id: own }),
				expect.objectContaining({ id: other.districtId })
			]
		});
		expect(hrefs(unchosen.month)).toEqual([]);
		expect(unchosen.month).toMatchObject({ first: '2026-11-22', last: '2026-12-21' });

		const chosen = await page(String(own));
		expect(chosen.districtChoice?.chosen).toBe(own);
		expect(hrefs(chosen.month)).toContain(`/sessions/${id}`);
		expect(hrefs(chosen.month)).toEqual(
			hrefs(await loadCalendarMonth(db, admin, 'fa', '1405-09', TODAY))
		);

		expect(hrefs((await page(String(other.districtId))).month)).not.toContain(`/sessions/${id}`);
		for (const outside of ['9999999', 'abc', '', '-1'])
			expect((await page(outside)).districtChoice?.chosen).toBeNull();

		// A district's own liaison has no choice to make.
		const narrow = await loadCalendarPage(
			db,
			admin,
			'fa',
			{ month: '1405-09', district: null },
			TODAY
		);
		expect(narrow.districtChoice).toBeNull();
		expect(hrefs(narrow.month)).toContain(`/sessions/${id}`);
	});
});
