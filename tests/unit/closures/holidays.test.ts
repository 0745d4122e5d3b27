import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromJalali, schoolYearStarting } from '../../../src/lib/i18n/jalali.ts';
import {
	fixedHolidaysOfSchoolYear,
	fixedSolarHolidays
} from '../../../src/lib/server/closures/fixed-holidays.ts';
import { findClosuresBetween } from '../../../src/lib/server/closures/repository.ts';
import { generateFixedHolidays } from '../../../src/lib/server/closures/service.ts';
import { closureAudit, createClosureWorld, NOW, type ClosureWorld } from './fixtures.ts';

const spans = (startYear: number) =>
	fixedHolidaysOfSchoolYear(schoolYearStarting(startYear).startsOn).map(
		(h) => `${h.starts_on}..${h.ends_on} ${h.name_en}`
	);

describe('the fixed Solar Hijri holidays of a school year', () => {
	it('are the shared data, unchanged', () => {
		const shared = JSON.parse(
			readFileSync(new URL('../../../src/lib/server/demo/district14.json', import.meta.url), 'utf8')
		);
		expect(fixedSolarHolidays).toEqual(shared.fixed_closures_solar);
	});

	it('fall on these days in 1404–1405: Bahman and Esfand of 1404, the rest in 1405', () => {
		expect(spans(1404)).toEqual([
			'2026-02-11..2026-02-11 Revolution Day',
			'2026-03-20..2026-03-20 Oil Nationalization Day',
			'2026-03-21..2026-03-24 Nowruz',
			'2026-04-01..2026-04-01 Islamic Republic Day',
			'2026-04-02..2026-04-02 Nature Day',
			'2026-06-04..2026-06-04 Death of Imam Khomeini',
			'2026-06-05..2026-06-05 15 Khordad uprising'
		]);
	});

	it('fall on these days in 1405–1406 (Nowruz of 1406, one closure for its four days)', () => {
		expect(spans(1405)).toEqual([
			'2027-02-11..2027-02-11 Revolution Day',
			'2027-03-20..2027-03-20 Oil Nationalization Day',
			'2027-03-21..2027-03-24 Nowruz',
			'2027-04-01..2027-04-01 Islamic Republic Day',
			'2027-04-02..2027-04-02 Nature Day',
			'2027-06-04..2027-06-04 Death of Imam Khomeini',
			'2027-06-05..2027-06-05 15 Khordad uprising'
		]);
	});

	it('always include Esfand 29; Esfand 30 (leap years only) is not a fixed holiday', () => {
		for (let year = 1390; year <= 1430; year++) {
			const esfand29 = fromJalali({ year, month: 12, day: 29 });
			expect(esfand29).not.toBeNull();
			expect(spans(year).some((s) => s.startsWith(`${esfand29}..${esfand29} `))).toBe(true);
			expect(spans(year)).toHaveLength(7);
		}
		expect(fromJalali({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20');
		expect(fromJalali({ year: 1404, month: 12, day: 30 })).toBeNull();
		expect(fixedSolarHolidays.some((h) => h.month === 12 && h.days.includes(30))).toBe(false);
	});
});

describe('generating the fixed holidays', () => {
	let world: ClosureWorld;
	beforeEach(async () => {
		world = await createClosureWorld();
	});
	afterEach(async () => world.db.destroy());

	it('adds them once, audited, and adds nothing the second time', async () => {
		const { db, admin, districtId, currentYearId } = world;
		expect(await generateFixedHolidays(db, admin, districtId, currentYearId, NOW)).toEqual({
			ok: true,
			added: 7
		});
		expect(await generateFixedHolidays(db, admin, districtId, currentYearId, NOW)).toEqual({
			ok: true,
			added: 0
		});
		const rows = await findClosuresBetween(db, districtId, '2026-09-23', '2027-09-22');
		expect(rows.map((r) => `${r.kind} ${r.starts_on}..${r.ends_on} ${r.name_fa}`)).toContain(
			'holiday 2027-03-21..2027-03-24 نوروز'
		);
		expect(rows).toHaveLength(7);
		const audit = await closureAudit(db);
		expect(audit).toHaveLength(7);
		expect(audit.every((a) => a.action === 'record_created' && a.actor_id === admin.id)).toBe(true);
	});

	it('keeps each school year apart and each district apart', async () => {
		const { db, admin, districtId, currentYearId, previousYearId, other, otherAdmin } = world;
		await generateFixedHolidays(db, admin, districtId, currentYearId, NOW);
		expect(await generateFixedHolidays(db, admin, districtId, previousYearId, NOW)).toEqual({
			ok: true,
			added: 7
		});
		expect(
			await generateFixedHolidays(db, otherAdmin, other.districtId, currentYearId, NOW)
		).toEqual({ ok: true, added: 7 });
	});

	it('is refused for another district and for an unknown school year', async () => {
		const { db, admin, other, districtId, currentYearId } = world;
		expect(await generateFixedHolidays(db, admin, other.districtId, currentYearId, NOW)).toEqual({
			ok: false,
			error: 'scope_outside'
		});
		expect(await generateFixedHolidays(db, admin, districtId, 99999, NOW)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await closureAudit(db)).toHaveLength(0);
	});
});
