import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closureProblemMessage } from '../../../src/lib/server/closures/messages.ts';
import { findClosureInDistricts } from '../../../src/lib/server/closures/repository.ts';
import {
	createClosure,
	deleteClosure,
	updateClosure,
	type ClosureChangeResult
} from '../../../src/lib/server/closures/service.ts';
import {
	closureAudit,
	closureInput,
	createClosureWorld,
	NOW,
	type ClosureWorld
} from './fixtures.ts';

describe('adding, editing and deleting closures', () => {
	let world: ClosureWorld;
	beforeEach(async () => {
		world = await createClosureWorld();
	});
	afterEach(async () => world.db.destroy());

	const refused = (result: ClosureChangeResult) => (result.ok ? null : result.error);

	it('adds an exam period, audited, with the Persian name standing in for a missing English one', async () => {
		const { db, admin } = world;
		const result = await createClosure(db, admin, closureInput(world, { name_en: ' ' }), NOW);
		expect(result.ok).toBe(true);
		const id = result.ok ? result.id : -1;
		const row = await findClosureInDistricts(db, id, admin.districtIds);
		expect(row).toMatchObject({ kind: 'exam', name_en: 'امتحانات نوبت اول', version: 1 });
		const [entry] = await closureAudit(db);
		expect(entry).toMatchObject({ action: 'record_created', entity_id: id, actor_id: admin.id });
		expect(JSON.parse(entry!.after!)).toMatchObject({ starts_on: '2027-01-01' });
	});

	it('refuses the wrong target for each kind, naming the field', async () => {
		const { db, admin, schoolIds, centerId } = world;
		const cases = [
			[{ kind: 'school' as const }, 'school_required', 'school_id'],
			[{ kind: 'center' as const }, 'center_required', 'center_id'],
			[{ kind: 'holiday' as const, school_id: schoolIds[0] }, 'school_not_allowed', 'school_id'],
			[{ kind: 'exam' as const, center_id: centerId }, 'center_not_allowed', 'center_id'],
			[
				{ kind: 'school' as const, school_id: schoolIds[0], center_id: centerId },
				'center_not_allowed',
				'center_id'
			],
			[{ kind: 'school' as const, school_id: world.other.schoolId }, 'school_outside', 'school_id'],
			[{ kind: 'center' as const, center_id: world.other.centerId }, 'center_outside', 'center_id'],
			[{ district_id: world.other.districtId }, 'scope_outside', 'district_id'],
			[{ ends_on: '2026-12-31' }, 'date_order', 'ends_on'],
			[{ starts_on: '1405/10/01' }, 'date_invalid', 'starts_on']
		] as const;
		for (const [values, error, field] of cases) {
			const result = await createClosure(db, admin, closureInput(world, values), NOW);
			expect(result, error).toEqual({ ok: false, error, field });
		}
		expect(await db.selectFrom('closures').selectAll().execute()).toHaveLength(0);
		expect(await closureAudit(db)).toHaveLength(0);
	});

	it('explains the refusals in Persian and in English', () => {
		expect(closureProblemMessage('school_required', 'fa')).toBe(
			'برای تعطیلی یک مدرسه، مدرسه را انتخاب کنید.'
		);
		expect(closureProblemMessage('school_required', 'en')).toBe(
			"Choose the school for a school's closure."
		);
		expect(closureProblemMessage('center_not_allowed', 'en')).toBe(
			"A centre is chosen only for a centre's closure."
		);
		expect(closureProblemMessage('date_order', 'fa')).toBe(
			'تاریخ پایان نمی‌تواند پیش از تاریخ شروع باشد.'
		);
		expect(closureProblemMessage('date_order', 'en')).toBe(
			'The end date cannot be before the start date.'
		);
	});

	it("adds one school's and one centre's closure", async () => {
		const { db, admin, schoolIds, centerId } = world;
		const school = await createClosure(
			db,
			admin,
			closureInput(world, { kind: 'school', school_id: schoolIds[0] }),
			NOW
		);
		const center = await createClosure(
			db,
			admin,
			closureInput(world, { kind: 'center', center_id: centerId }),
			NOW
		);
		expect([school.ok, center.ok]).toEqual([true, true]);
	});

	it('edits with the version read, refuses a stale version and writes nothing then', async () => {
		const { db, admin } = world;
		const created = await createClosure(db, admin, closureInput(world), NOW);
		const id = created.ok ? created.id : -1;
		const renamed = closureInput(world, { name_fa: 'امتحانات میان‌ترم', name_en: 'Midterms' });
		expect(await updateClosure(db, admin, id, 1, renamed, NOW)).toEqual({ ok: true, id });
		const again = closureInput(world, { name_fa: 'نام دیگر' });
		expect(refused(await updateClosure(db, admin, id, 1, again, NOW))).toBe('stale');
		const row = await findClosureInDistricts(db, id, admin.districtIds);
		expect(row).toMatchObject({ name_fa: 'امتحانات میان‌ترم', version: 2 });
		const audit = await closureAudit(db);
		expect(audit.map((a) => a.action)).toEqual(['record_created', 'record_updated']);
		expect(JSON.parse(audit[1]!.before!)).toMatchObject({ name_fa: 'امتحانات نوبت اول' });
	});

	it('deletes with the version read, audited as retired', async () => {
		const { db, admin } = world;
		const created = await createClosure(db, admin, closureInput(world), NOW);
		const id = created.ok ? created.id : -1;
		expect(refused(await deleteClosure(db, admin, id, 7, NOW))).toBe('stale');
		expect(await deleteClosure(db, admin, id, 1, NOW)).toEqual({ ok: true, id });
		expect(await findClosureInDistricts(db, id, admin.districtIds)).toBeNull();
		const last = (await closureAudit(db)).at(-1)!;
		expect(last).toMatchObject({ action: 'record_retired', entity_id: id, after: null });
		expect(JSON.parse(last.before!)).toMatchObject({ kind: 'exam' });
	});

	it("answers not found to another district's admin", async () => {
		const { db, admin, otherAdmin } = world;
		const created = await createClosure(db, admin, closureInput(world), NOW);
		const id = created.ok ? created.id : -1;
		expect(await findClosureInDistricts(db, id, otherAdmin.districtIds)).toBeNull();
		const input = closureInput(world, { district_id: world.other.districtId });
		expect(refused(await updateClosure(db, otherAdmin, id, 1, input, NOW))).toBe('not_found');
		expect(refused(await deleteClosure(db, otherAdmin, id, 1, NOW))).toBe('not_found');
		expect(await closureAudit(db)).toHaveLength(1);
	});
});
