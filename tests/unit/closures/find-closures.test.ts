import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	findClosuresBetween,
	findClosuresOn
} from '../../../src/lib/server/closures/repository.ts';
import { createClosure } from '../../../src/lib/server/closures/service.ts';
import { closureInput, createClosureWorld, NOW, type ClosureWorld } from './fixtures.ts';

describe('the closures that apply on a day', () => {
	let world: ClosureWorld;
	beforeEach(async () => {
		world = await createClosureWorld();
		const { db, admin, schoolIds, centerId, otherAdmin, other } = world;
		const add = async (values: Parameters<typeof closureInput>[1], actor = admin) => {
			const result = await createClosure(db, actor, closureInput(world, values), NOW);
			if (!result.ok) throw new Error(result.error);
		};
		await add({ kind: 'exam', starts_on: '2027-01-01', ends_on: '2027-01-10' });
		await add({
			kind: 'holiday',
			starts_on: '2027-01-05',
			ends_on: '2027-01-05',
			name_fa: 'تعطیل قمری',
			name_en: 'Lunar holiday'
		});
		await add({
			kind: 'school',
			school_id: schoolIds[0],
			starts_on: '2027-01-10',
			ends_on: '2027-01-12',
			name_fa: 'تعمیرات',
			name_en: 'Repairs'
		});
		await add({
			kind: 'school',
			school_id: schoolIds[1],
			starts_on: '2027-01-10',
			ends_on: '2027-01-12',
			name_fa: 'اردو',
			name_en: 'Camp'
		});
		await add({
			kind: 'center',
			center_id: centerId,
			starts_on: '2027-01-12',
			ends_on: '2027-01-12',
			name_fa: 'بازسازی سرا',
			name_en: 'Centre works'
		});
		await add(
			{
				kind: 'exam',
				district_id: other.districtId,
				starts_on: '2027-01-10',
				ends_on: '2027-01-10',
				name_fa: 'امتحان منطقه ۱۵',
				name_en: 'District 15 exams'
			},
			otherAdmin
		);
	});
	afterEach(async () => world.db.destroy());

	const names = (rows: { name_en: string }[]) => rows.map((r) => r.name_en);

	it('gives the district-wide closures, first and last days included', async () => {
		const { db, districtId } = world;
		expect(names(await findClosuresOn(db, { districtId, date: '2027-01-01' }))).toEqual([
			'First-term exams'
		]);
		expect(names(await findClosuresOn(db, { districtId, date: '2027-01-05' }))).toEqual([
			'First-term exams',
			'Lunar holiday'
		]);
		expect(names(await findClosuresOn(db, { districtId, date: '2027-01-11' }))).toEqual([]);
		expect(await findClosuresOn(db, { districtId, date: '2026-12-31' })).toEqual([]);
	});

	it("adds the given school's and centre's own closures, never another school's", async () => {
		const { db, districtId, schoolIds, centerId } = world;
		const day = { districtId, date: '2027-01-10', schoolId: schoolIds[0] };
		const rows = await findClosuresOn(db, day);
		expect(names(rows)).toEqual(['First-term exams', 'Repairs']);
		expect(rows[1]).toMatchObject({
			name_fa: 'تعمیرات',
			kind: 'school',
			school_name: expect.any(String)
		});
		expect(names(await findClosuresOn(db, { ...day, date: '2027-01-12', centerId }))).toEqual([
			'Repairs',
			'Centre works'
		]);
		expect(
			names(await findClosuresOn(db, { districtId, date: '2027-01-12', schoolId: schoolIds[1] }))
		).toEqual(['Camp']);
	});

	it('lists a span for calendars, by district and optionally by kind', async () => {
		const { db, districtId, other } = world;
		expect(await findClosuresBetween(db, districtId, '2027-01-06', '2027-01-11')).toHaveLength(3);
		expect(
			names(await findClosuresBetween(db, districtId, '2027-01-01', '2027-01-31', 'holiday'))
		).toEqual(['Lunar holiday']);
		expect(
			names(await findClosuresBetween(db, other.districtId, '2027-01-01', '2027-01-31'))
		).toEqual(['District 15 exams']);
	});
});
