import { beforeEach, describe, expect, it } from 'vitest';
import { copyPreviousYearPairings } from '../../../src/lib/server/pairings/copy.ts';
import { pairNeighborhood, type PairingActor } from '../../../src/lib/server/pairings/service.ts';
import {
	actorOf,
	allPairings,
	createPairingWorld,
	neighborhoodId,
	NOW,
	pairingAudit,
	pairingOf,
	schoolIdsIn,
	type PairingWorld
} from './fixtures.ts';

describe("copying last year's pairings", () => {
	let world: PairingWorld;
	let admin: PairingActor;
	const copy = (schoolYearId = world.currentYearId, actor = admin) =>
		copyPreviousYearPairings(world.db, actor, schoolYearId, NOW);
	const yearPairings = async (schoolYearId: number) =>
		(await allPairings(world.db))
			.filter((p) => p.school_year_id === schoolYearId)
			.map((p) => [p.neighborhood_id, p.school_id]);

	beforeEach(async () => {
		world = await createPairingWorld();
		admin = await actorOf(world.db, 'admin@demo.test');
	});

	it('copies into the neighbourhoods still unpaired, and says what it did', async () => {
		const result = await copy();
		expect(result).toMatchObject({
			ok: true,
			from: { id: world.previousYearId, label: '۱۴۰۴–۱۴۰۵' },
			skipped: [],
			alreadyPaired: 22
		});
		if (!result.ok) return;
		expect(result.copied.map((p) => p.neighborhood.name_fa).sort()).toEqual(
			['سرآسیاب دولاب', 'شهرابی', 'مینایی جنوبی'].sort()
		);
		for (const name of ['سرآسیاب دولاب', 'شهرابی', 'مینایی جنوبی']) {
			const [school] = await schoolIdsIn(world.db, name);
			expect((await pairingOf(world.db, world.currentYearId, name))!.school_id).toBe(school);
		}
		expect(await yearPairings(world.currentYearId)).toEqual(
			expect.arrayContaining(await yearPairings(world.previousYearId))
		);

		const [entry] = await pairingAudit(world.db);
		expect(entry).toMatchObject({
			action: 'pairings_copied',
			entity_type: 'pairing',
			actor_id: admin.id
		});
		const after = JSON.parse(entry!.after!);
		expect(after).toMatchObject({
			school_year_id: world.currentYearId,
			from_school_year_id: world.previousYearId
		});
		expect(after.copied).toHaveLength(3);
	});

	it('skips a pairing whose school is already paired this year, and reports it', async () => {
		// مینایی جنوبی takes شهرابی's school of last year before the copy.
		const [shahrabiSchool] = await schoolIdsIn(world.db, 'شهرابی');
		const minaei = await neighborhoodId(world.db, 'مینایی جنوبی');
		const paired = await pairNeighborhood(
			world.db,
			admin,
			{
				schoolYearId: world.currentYearId,
				neighborhoodId: minaei,
				schoolId: shahrabiSchool!,
				confirmOtherArea: false
			},
			NOW
		);
		expect(paired.ok).toBe(true);

		const result = await copy();
		expect(result).toMatchObject({ ok: true, alreadyPaired: 23 });
		if (!result.ok) return;
		expect(result.copied.map((p) => p.neighborhood.name_fa)).toEqual(['سرآسیاب دولاب']);
		expect(result.skipped).toEqual([
			{
				neighborhood: { id: expect.any(Number), name_fa: 'شهرابی', name_en: 'Shahrabi' },
				school: { id: shahrabiSchool, name: expect.any(String) },
				pairedWith: { id: minaei, name_fa: 'مینایی جنوبی', name_en: 'Minaei-ye Jonubi' }
			}
		]);
		expect(await pairingOf(world.db, world.currentYearId, 'شهرابی')).toBeUndefined();
		expect((await pairingOf(world.db, world.currentYearId, 'مینایی جنوبی'))!.school_id).toBe(
			shahrabiSchool
		);
	});

	it('changes nothing the second time', async () => {
		await copy();
		const pairings = await allPairings(world.db);
		const audit = await pairingAudit(world.db);
		const again = await copy();
		expect(again).toMatchObject({ ok: true, copied: [], skipped: [], alreadyPaired: 25 });
		expect(await allPairings(world.db)).toEqual(pairings);
		expect(await pairingAudit(world.db)).toEqual(audit);
	});

	it('fills a new school year that has none, leaving the years before it as they were', async () => {
		const { id: nextYearId } = await world.db
			.insertInto('school_years')
			.values({ label: '۱۴۰۶–۱۴۰۷', starts_on: '2027-09-23', ends_on: '2028-09-21' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const current = await yearPairings(world.currentYearId);
		const previous = await yearPairings(world.previousYearId);
		const result = await copy(nextYearId);
		expect(result).toMatchObject({
			ok: true,
			from: { id: world.currentYearId },
			skipped: [],
			alreadyPaired: 0
		});
		expect(result.ok && result.copied).toHaveLength(22);
		expect(await yearPairings(nextYearId)).toEqual(expect.arrayContaining(current));
		expect(await yearPairings(world.currentYearId)).toEqual(current);
		expect(await yearPairings(world.previousYearId)).toEqual(previous);
		expect(await copy(nextYearId)).toMatchObject({ ok: true, copied: [], alreadyPaired: 22 });
	});

	it('refuses an ended year, and a year with no year before it', async () => {
		expect(await copy(world.previousYearId)).toEqual({
			ok: false,
			error: 'year_closed',
			year: '۱۴۰۴–۱۴۰۵'
		});
		await world.db
			.deleteFrom('pairings')
			.where('school_year_id', '=', world.previousYearId)
			.execute();
		await world.db.deleteFrom('school_years').where('id', '=', world.previousYearId).execute();
		expect(await copy()).toEqual({ ok: false, error: 'no_previous_year' });
	});

	it("copies only within the admin's districts, and for admins only", async () => {
		const otherAdmin = await actorOf(world.db, 'admin15@other.test');
		expect(await copy(world.currentYearId, otherAdmin)).toMatchObject({
			ok: true,
			copied: [],
			alreadyPaired: 0
		});
		for (const email of ['liaison@demo.test', 'manager@demo.test', 'staff@demo.test']) {
			expect(await copy(world.currentYearId, await actorOf(world.db, email))).toEqual({
				ok: false,
				error: 'not_found'
			});
		}
		expect(await yearPairings(world.currentYearId)).toHaveLength(22);
		expect(await pairingAudit(world.db)).toEqual([]);
	});
});
