import { beforeEach, describe, expect, it } from 'vitest';
import { unpairedNeighborhoods } from '../../helpers/pairings.ts';
import { findNeighborhoodHistory } from '../../../src/lib/server/pairings/repository.ts';
import {
	changePairingSchool,
	removePairing,
	type PairingActor
} from '../../../src/lib/server/pairings/service.ts';
import {
	actorOf,
	allPairings,
	createPairingWorld,
	neighborhoodId,
	NOW,
	pairingAudit,
	pairingOf,
	schoolIdsIn,
	scopedUser,
	type PairingWorld
} from './fixtures.ts';

describe('changing and ending a pairing', () => {
	let world: PairingWorld;
	let admin: PairingActor;
	let dulab: { id: number; pairingId: number; schoolId: number; freeSchoolId: number };

	const change = (
		values: Partial<{ schoolId: number; version: number; reason: string; confirm: boolean }>,
		actor = admin
	) =>
		changePairingSchool(
			world.db,
			actor,
			{
				neighborhoodId: dulab.id,
				pairingId: dulab.pairingId,
				version: values.version ?? 1,
				schoolId: values.schoolId ?? dulab.freeSchoolId,
				reason: values.reason ?? 'مدرسهٔ پیشین در حال بازسازی است',
				confirmOtherArea: values.confirm ?? false
			},
			NOW
		);
	const unpair = (values: Partial<{ version: number; reason: string }>, actor = admin) =>
		removePairing(
			world.db,
			actor,
			{
				neighborhoodId: dulab.id,
				pairingId: dulab.pairingId,
				version: values.version ?? 1,
				reason: values.reason ?? 'سرای محله تا پایان سال تعطیل است'
			},
			NOW
		);

	beforeEach(async () => {
		world = await createPairingWorld();
		admin = await actorOf(world.db, 'admin@demo.test');
		const pairing = (await pairingOf(world.db, world.currentYearId, 'دولاب'))!;
		const [, freeSchoolId] = await schoolIdsIn(world.db, 'دولاب');
		dulab = {
			id: pairing.neighborhood_id,
			pairingId: pairing.id,
			schoolId: pairing.school_id,
			freeSchoolId: freeSchoolId!
		};
	});

	it('changes the school with a reason, kept in the audit log with before and after', async () => {
		expect(await change({})).toMatchObject({ ok: true, neighborhood: { name_fa: 'دولاب' } });
		const row = await pairingOf(world.db, world.currentYearId, 'دولاب');
		expect(row).toMatchObject({ id: dulab.pairingId, school_id: dulab.freeSchoolId, version: 2 });
		const [entry] = await pairingAudit(world.db);
		expect(entry).toMatchObject({
			action: 'pairing_changed',
			entity_type: 'pairing',
			entity_id: dulab.pairingId,
			actor_id: admin.id,
			reason: 'مدرسهٔ پیشین در حال بازسازی است'
		});
		expect(JSON.parse(entry!.before!)).toMatchObject({ school_id: dulab.schoolId });
		expect(JSON.parse(entry!.after!)).toMatchObject({
			school_id: dulab.freeSchoolId,
			neighborhood: 'دولاب'
		});
	});

	it('refuses a change without a reason', async () => {
		expect(await change({ reason: '   ' })).toEqual({ ok: false, error: 'reason_required' });
		expect((await pairingOf(world.db, world.currentYearId, 'دولاب'))!.version).toBe(1);
	});

	it('refuses a school paired with another neighbourhood, and the school it already has', async () => {
		const [khavaranSchool] = await schoolIdsIn(world.db, 'خاوران');
		expect(await change({ schoolId: khavaranSchool! })).toMatchObject({
			ok: false,
			error: 'school_taken',
			neighborhood: { name_fa: 'خاوران' }
		});
		expect(await change({ schoolId: dulab.schoolId })).toEqual({ ok: false, error: 'same_school' });
		expect(await pairingAudit(world.db)).toEqual([]);
	});

	it('warns before moving to a school of another area', async () => {
		const [otherArea] = await schoolIdsIn(world.db, 'شهرابی');
		expect(await change({ schoolId: otherArea! })).toMatchObject({
			ok: false,
			error: 'other_area'
		});
		expect(await change({ schoolId: otherArea!, confirm: true })).toMatchObject({
			ok: true,
			otherArea: true
		});
	});

	it('refuses a stale form: someone else saved first', async () => {
		expect(await change({})).toMatchObject({ ok: true });
		const [other] = await schoolIdsIn(world.db, 'شهرابی');
		expect(await change({ schoolId: other!, confirm: true })).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await unpair({})).toEqual({ ok: false, error: 'stale' });
		const row = await pairingOf(world.db, world.currentYearId, 'دولاب');
		expect(row).toMatchObject({ school_id: dulab.freeSchoolId, version: 2 });
		expect(await pairingAudit(world.db)).toHaveLength(1);
	});

	it('unpairs with a reason; the neighbourhood shows as unpaired, earlier years untouched', async () => {
		const previousBefore = await pairingOf(world.db, world.previousYearId, 'دولاب');
		expect(await unpair({ reason: '' })).toEqual({ ok: false, error: 'reason_required' });
		expect(await unpair({})).toMatchObject({ ok: true, neighborhood: { name_fa: 'دولاب' } });
		expect(await pairingOf(world.db, world.currentYearId, 'دولاب')).toBeUndefined();

		const [entry] = await pairingAudit(world.db);
		expect(entry).toMatchObject({
			action: 'pairing_removed',
			entity_id: dulab.pairingId,
			after: null,
			reason: 'سرای محله تا پایان سال تعطیل است'
		});
		expect(JSON.parse(entry!.before!)).toMatchObject({ school_id: dulab.schoolId });

		const manager = await scopedUser(world.db, 'manager@demo.test');
		const unpaired = await unpairedNeighborhoods(world.db, manager, world.currentYearId);
		expect(unpaired.map((n) => n.name_fa)).toEqual(['دولاب']);
		expect(await pairingOf(world.db, world.previousYearId, 'دولاب')).toEqual(previousBefore);
	});

	it("keeps earlier years' pairings as they were when this year's change", async () => {
		const before = (await allPairings(world.db)).filter(
			(p) => p.school_year_id === world.previousYearId
		);
		await change({});
		const [other] = await schoolIdsIn(world.db, 'شهرابی');
		await change({ version: 2, schoolId: other!, confirm: true });
		const after = (await allPairings(world.db)).filter(
			(p) => p.school_year_id === world.previousYearId
		);
		expect(after).toEqual(before);

		const history = await findNeighborhoodHistory(world.db, dulab.id);
		expect(history.map((h) => [h.school_year.label, h.school?.id])).toEqual([
			['۱۴۰۵–۱۴۰۶', other],
			['۱۴۰۴–۱۴۰۵', dulab.schoolId]
		]);
	});

	it('leaves ended years alone', async () => {
		const previous = (await pairingOf(world.db, world.previousYearId, 'دولاب'))!;
		const result = await removePairing(
			world.db,
			admin,
			{ neighborhoodId: dulab.id, pairingId: previous.id, version: 1, reason: 'اصلاح' },
			NOW
		);
		expect(result).toEqual({ ok: false, error: 'year_closed', year: '۱۴۰۴–۱۴۰۵' });
		expect(await pairingOf(world.db, world.previousYearId, 'دولاب')).toEqual(previous);
	});

	it('lets no liaison, centre manager or admin of another district change or unpair', async () => {
		const others = await Promise.all(
			['liaison@demo.test', 'manager@demo.test', 'staff@demo.test', 'admin15@other.test'].map(
				(email) => actorOf(world.db, email)
			)
		);
		for (const actor of others) {
			expect(await change({}, actor)).toEqual({ ok: false, error: 'not_found' });
			expect(await unpair({}, actor)).toEqual({ ok: false, error: 'not_found' });
		}
		expect((await pairingOf(world.db, world.currentYearId, 'دولاب'))!.version).toBe(1);
		expect(await pairingAudit(world.db)).toEqual([]);
	});

	it('treats a pairing of another neighbourhood as a stale form, revealing nothing', async () => {
		const khavaran = (await pairingOf(world.db, world.currentYearId, 'خاوران'))!;
		const result = await removePairing(
			world.db,
			admin,
			{
				neighborhoodId: await neighborhoodId(world.db, 'دولاب'),
				pairingId: khavaran.id,
				version: 1,
				reason: 'x'
			},
			NOW
		);
		expect(result).toEqual({ ok: false, error: 'stale' });
		expect(await pairingOf(world.db, world.currentYearId, 'خاوران')).toEqual(khavaran);
	});
});
