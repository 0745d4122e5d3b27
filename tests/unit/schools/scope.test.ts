import { isHttpError } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { findSchoolInScope } from '../../../src/lib/server/schools/detail.ts';
import { requireAdminActor } from '../../../src/lib/server/auth/actor.ts';
import { findSchoolFilterOptions } from '../../../src/lib/server/schools/places.ts';
import {
	listSchools,
	SCHOOL_PAGE_SIZE,
	type ScopedUser
} from '../../../src/lib/server/schools/repository.ts';
import { schoolFilterFrom } from '../../../src/lib/server/schools/list-filter.ts';
import type { AuthUser } from '../../../src/lib/server/auth/guard.ts';
import { demoPasswordHash, insertSecondDistrict, type SecondDistrict } from '../users/fixtures.ts';
import { createDemoDb, neighborhoodId, scopedUser } from './fixtures.ts';

async function idsOf(db: DB, user: ScopedUser, query = ''): Promise<number[]> {
	const { rows, total } = await listSchools(db, user, { query }, 1);
	expect(total).toBe(rows.length);
	return rows.map((r) => r.id).sort((a, b) => a - b);
}

describe('who reads which schools', () => {
	let db: DB;
	let other: SecondDistrict;
	let schoolsOfManager: number[];

	beforeAll(async () => {
		db = await createDemoDb();
		other = await insertSecondDistrict(db, await demoPasswordHash(db));
		const neighborhoods = [await neighborhoodId(db, 'دولاب'), await neighborhoodId(db, 'خاوران')];
		const inNeighborhoods = await db
			.selectFrom('schools')
			.select('id')
			.where('neighborhood_id', 'in', neighborhoods)
			.execute();
		const paired = await db
			.selectFrom('pairings')
			.select('school_id as id')
			.where('neighborhood_id', 'in', neighborhoods)
			.execute();
		schoolsOfManager = [...new Set([...inNeighborhoods, ...paired].map((r) => r.id))].sort(
			(a, b) => a - b
		);
	});

	it('an admin and a liaison read every school of their district, not the other district', async () => {
		for (const email of ['admin@demo.test', 'liaison@demo.test']) {
			const { total } = await listSchools(db, await scopedUser(db, email), {}, 1);
			expect(total, email).toBe(40);
			const user = await scopedUser(db, email);
			expect(await findSchoolInScope(db, user, other.schoolId)).toBeNull();
		}
	});

	it("a centre manager reads only their neighbourhoods' schools and their paired schools", async () => {
		const manager = await scopedUser(db, 'manager@demo.test');
		expect(schoolsOfManager.length).toBeGreaterThan(1);
		const { rows, total } = await listSchools(db, manager, {}, 1);
		expect(total).toBe(schoolsOfManager.length);
		expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(schoolsOfManager);
		const all = await db.selectFrom('schools').select('id').execute();
		const outside = all.map((s) => s.id).find((id) => !schoolsOfManager.includes(id))!;
		expect(await findSchoolInScope(db, manager, outside)).toBeNull();
		expect(await findSchoolInScope(db, manager, schoolsOfManager[0]!)).not.toBeNull();
	});

	it('school staff read only their own school', async () => {
		const staff = await scopedUser(db, 'staff@demo.test');
		expect(await idsOf(db, staff)).toEqual([staff.scope.schoolId]);
		const detail = await findSchoolInScope(db, staff, staff.scope.schoolId!);
		expect(detail?.neighborhood.name_fa).toBe('دولاب');
		expect(await findSchoolInScope(db, staff, staff.scope.schoolId! + 1)).toBeNull();
	});

	it("another district's admin does not find the demo district's schools", async () => {
		const admin15 = {
			role: 'admin' as const,
			scope: { districtIds: [other.districtId], centerIds: [], schoolId: null }
		};
		expect(await idsOf(db, admin15)).toEqual([other.schoolId]);
		expect(await findSchoolInScope(db, admin15, 1)).toBeNull();
	});

	it('only admins change schools: every other role gets 404', () => {
		const event = (role: AuthUser['role']) => ({
			locals: {
				user: {
					id: 9,
					role,
					must_change_password: 0,
					scope: { districtIds: [1], centerIds: [], schoolId: null }
				} as unknown as AuthUser,
				sessionId: 's'
			},
			url: new URL('http://localhost/schools/1'),
			getClientAddress: () => '10.0.0.9'
		});
		for (const role of ['liaison', 'center_manager', 'school_staff'] as const) {
			try {
				requireAdminActor(event(role));
				expect.unreachable(role);
			} catch (e) {
				expect(isHttpError(e, 404), role).toBe(true);
			}
		}
		expect(requireAdminActor(event('admin'))).toEqual({ id: 9, districtIds: [1], ip: '10.0.0.9' });
	});
});

describe('searching and filtering the school list', () => {
	let db: DB;
	let admin: ScopedUser;

	beforeAll(async () => {
		db = await createDemoDb();
		admin = await scopedUser(db, 'admin@demo.test');
	});

	it('finds a name typed with Arabic ي/ك, ZWNJ variants and Persian digits', async () => {
		const plain = await idsOf(db, admin, 'دبستان پسرانه شهید بهشتی');
		expect(plain.length).toBeGreaterThan(0);
		expect(await idsOf(db, admin, 'دبستان پسرانه شهيد بهشتي')).toEqual(plain);
		expect(await idsOf(db, admin, 'ابن سینا')).toEqual(await idsOf(db, admin, 'ابن‌سينا'));
		expect(await idsOf(db, admin, 'مكتبخانه')).toEqual([]);
	});

	it("finds a neighbourhood's schools by its name, typed with Arabic ي/ك", async () => {
		const place = await neighborhoodId(db, 'سرآسیاب دولاب');
		const inPlace = await db
			.selectFrom('schools')
			.select('id')
			.where('neighborhood_id', '=', place)
			.execute();
		expect(inPlace.length).toBeGreaterThan(0);
		const found = await idsOf(db, admin, 'سرآسياب دولاب');
		expect(found).toEqual(inPlace.map((s) => s.id).sort((a, b) => a - b));
		const dulab = await idsOf(db, admin, 'دولاب');
		expect(dulab.length).toBe(found.length + 2);
		expect(await idsOf(db, admin, 'Dulab')).toEqual(dulab);
		const shokufeh = await idsOf(db, admin, 'شكوفه');
		expect(shokufeh).toEqual(await idsOf(db, admin, 'شکوفه'));
		expect(shokufeh.length).toBeGreaterThan(0);
	});

	it('finds a school by its ministry code in any digits', async () => {
		const { rows } = await listSchools(db, admin, { query: '۱۴۱۰۰۰۱۲' }, 1);
		expect(rows.map((r) => r.ministry_code)).toEqual(['14100012']);
	});

	it('matches % and _ literally', async () => {
		expect(await idsOf(db, admin, '%')).toEqual([]);
		expect(await idsOf(db, admin, '_')).toEqual([]);
	});

	it('filters by area, neighbourhood, level and gender, and pages with a total', async () => {
		const url = (q: string) => schoolFilterFrom(new URL(`http://x/schools?${q}`));
		const dulab = await neighborhoodId(db, 'دولاب');
		const byNeighborhood = await listSchools(db, admin, url(`neighborhood=${dulab}`), 1);
		expect(byNeighborhood.total).toBe(2);
		const girls = await listSchools(db, admin, url('level=primary&gender=girls'), 1);
		expect(girls.rows.every((r) => r.level === 'primary' && r.gender === 'girls')).toBe(true);
		expect(girls.total).toBeGreaterThan(0);
		const options = await findSchoolFilterOptions(db, admin);
		const area = options.areas[0]!;
		const inArea = await listSchools(db, admin, url(`area=${area.id}`), 1);
		expect(inArea.total).toBeGreaterThan(0);
		expect(inArea.total).toBeLessThan(40);
		expect(url('level=nonsense&area=abc')).toMatchObject({ level: undefined, areaId: undefined });
		const page2 = await listSchools(db, admin, {}, 2);
		expect(page2.total).toBe(40);
		expect(page2.rows).toHaveLength(40 - SCHOOL_PAGE_SIZE);
		const students = (await listSchools(db, admin, url('q=14100001'), 1)).rows[0]!.students;
		expect(students).toBeGreaterThan(0);
	});

	it('offers as filter options only the places of schools in scope', async () => {
		const staff = await scopedUser(db, 'staff@demo.test');
		const options = await findSchoolFilterOptions(db, staff);
		expect(options.neighborhoods.map((n) => n.name_fa)).toEqual(['دولاب']);
		expect(options.areas).toHaveLength(1);
	});
});
