import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import {
	findCurrentSchoolYear,
	listSchoolYears
} from '../../../src/lib/server/school-years/repository.ts';
import {
	addSchoolYear,
	makeSchoolYearCurrent,
	schoolYearLabel
} from '../../../src/lib/server/school-years/service.ts';
import { auditRows } from '../users/fixtures.ts';
import { actorOf, createDemoDb, versionOf } from './fixtures.ts';

const T0 = new Date('2026-11-27T09:00:00.000Z');

describe('school years', () => {
	let db: DB;
	let admin: { id: number; ip: string | null };

	beforeAll(async () => {
		db = await createDemoDb();
		admin = await actorOf(db, 'admin@demo.test');
	});

	const currentIds = async () =>
		(await listSchoolYears(db)).filter((y) => y.is_current).map((y) => y.id);

	it('adds a year from 1 Mehr to 31 Shahrivar with a Persian label, not current', async () => {
		const result = await addSchoolYear(db, admin, 1406, T0);
		expect(result).toMatchObject({
			ok: true,
			year: { label: '۱۴۰۶–۱۴۰۷', starts_on: '2027-09-23', ends_on: '2028-09-21', is_current: 0 }
		});
		const [audit] = await auditRows(db, 'record_created', result.ok ? result.year.id : -1);
		expect(audit).toMatchObject({
			entity_type: 'school_year',
			subject: '۱۴۰۶–۱۴۰۷',
			at: T0.toISOString()
		});
		expect((await findCurrentSchoolYear(db))?.label).toBe('۱۴۰۵–۱۴۰۶');
	});

	it('ends a year starting in leap 1403 on 31 Shahrivar 1404', async () => {
		const result = await addSchoolYear(db, admin, 1403);
		// 1 Mehr 1403 = 22 Sep 2024 (1403 is leap: Esfand has 30 days); 31 Shahrivar 1404 = 22 Sep 2025.
		expect(result).toMatchObject({
			ok: true,
			year: { label: '۱۴۰۳–۱۴۰۴', starts_on: '2024-09-22', ends_on: '2025-09-22' }
		});
	});

	it('lists the years, latest first, with their labels', async () => {
		expect((await listSchoolYears(db)).map((y) => y.label)).toEqual([
			'۱۴۰۶–۱۴۰۷',
			'۱۴۰۵–۱۴۰۶',
			'۱۴۰۴–۱۴۰۵',
			'۱۴۰۳–۱۴۰۴'
		]);
		expect(schoolYearLabel(1410)).toBe('۱۴۱۰–۱۴۱۱');
	});

	it('refuses a year that exists, and one that overlaps another', async () => {
		const before = await listSchoolYears(db);
		expect(await addSchoolYear(db, admin, 1405)).toEqual({
			ok: false,
			error: 'exists',
			label: '۱۴۰۵–۱۴۰۶'
		});
		// A year entered by other means, from 1 Farvardin 1408 to 31 Shahrivar 1408, overlaps 1407–1408.
		await db
			.insertInto('school_years')
			.values({ label: 'ویژه ۱۴۰۸', starts_on: '2029-03-21', ends_on: '2029-09-22' })
			.execute();
		expect(await addSchoolYear(db, admin, 1407)).toEqual({
			ok: false,
			error: 'overlaps',
			label: 'ویژه ۱۴۰۸'
		});
		expect(await listSchoolYears(db)).toHaveLength(before.length + 1);
	});

	it('makes one year current and every other not, with an audit entry', async () => {
		const years = await listSchoolYears(db);
		const next = years.find((y) => y.label === '۱۴۰۶–۱۴۰۷')!;
		const previous = years.find((y) => y.is_current)!;
		const result = await makeSchoolYearCurrent(db, admin, next.id, next.version, T0);
		expect(result).toMatchObject({ ok: true, year: { id: next.id, is_current: 1 } });
		expect(await currentIds()).toEqual([next.id]);
		expect(await versionOf(db, 'school_years', previous.id)).toBe(previous.version + 1);
		const [audit] = await auditRows(db, 'school_year_made_current', next.id);
		expect(audit).toMatchObject({ entity_type: 'school_year', actor_id: admin.id });
		expect(JSON.parse(audit!.before!)).toEqual({ current: '۱۴۰۵–۱۴۰۶' });
		expect(JSON.parse(audit!.after!)).toEqual({ current: '۱۴۰۶–۱۴۰۷' });

		const back = (await listSchoolYears(db)).find((y) => y.id === previous.id)!;
		expect(await makeSchoolYearCurrent(db, admin, back.id, back.version)).toMatchObject({
			ok: true
		});
		expect(await currentIds()).toEqual([previous.id]);
	});

	it('refuses a stale version and an unknown year, leaving the current one alone', async () => {
		const year = (await listSchoolYears(db)).find((y) => y.label === '۱۴۰۴–۱۴۰۵')!;
		const current = await currentIds();
		expect(await makeSchoolYearCurrent(db, admin, year.id, year.version - 1)).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await makeSchoolYearCurrent(db, admin, 99999, 1)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await currentIds()).toEqual(current);
	});

	it('changes nothing when the current year is made current again', async () => {
		const current = (await findCurrentSchoolYear(db))!;
		const audits = await auditRows(db, 'school_year_made_current');
		expect(await makeSchoolYearCurrent(db, admin, current.id, current.version)).toMatchObject({
			ok: true
		});
		expect(await versionOf(db, 'school_years', current.id)).toBe(current.version);
		expect(await auditRows(db, 'school_year_made_current')).toEqual(audits);
	});
});
