import { beforeEach, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../../src/lib/server/db/dialect.ts';
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

describe('pairing a neighbourhood with a school', () => {
	let world: PairingWorld;
	let admin: PairingActor;
	const pair = (nameFa: string, schoolId: number, confirmOtherArea = false, actor = admin) =>
		neighborhoodId(world.db, nameFa).then((id) =>
			pairNeighborhood(
				world.db,
				actor,
				{ schoolYearId: world.currentYearId, neighborhoodId: id, schoolId, confirmOtherArea },
				NOW
			)
		);

	beforeEach(async () => {
		world = await createPairingWorld();
		admin = await actorOf(world.db, 'admin@demo.test');
	});

	it('pairs an unpaired neighbourhood with a free school of its area, audited', async () => {
		const [school] = await schoolIdsIn(world.db, 'شهرابی');
		const result = await pair('شهرابی', school!);
		expect(result).toMatchObject({ ok: true, school: expect.any(String), otherArea: false });
		const row = await pairingOf(world.db, world.currentYearId, 'شهرابی');
		expect(row).toMatchObject({ school_id: school, version: 1, created_at: NOW.toISOString() });

		const [entry] = await pairingAudit(world.db);
		expect(entry).toMatchObject({
			action: 'pairing_created',
			entity_type: 'pairing',
			entity_id: row!.id,
			actor_id: admin.id,
			ip: '10.14.0.1',
			before: null,
			reason: null
		});
		expect(JSON.parse(entry!.after!)).toMatchObject({
			school_year: '۱۴۰۵–۱۴۰۶',
			neighborhood: 'شهرابی',
			neighborhood_id: row!.neighborhood_id,
			school_id: school
		});
	});

	it('refuses a school already paired with another neighbourhood this year, naming it', async () => {
		const [dulabSchool] = await schoolIdsIn(world.db, 'دولاب');
		const before = await allPairings(world.db);
		const result = await pair('مینایی جنوبی', dulabSchool!, true);
		expect(result).toEqual({
			ok: false,
			error: 'school_taken',
			neighborhood: { name_fa: 'دولاب', name_en: 'Dulab' },
			year: '۱۴۰۵–۱۴۰۶'
		});
		expect(await allPairings(world.db)).toEqual(before);
		expect(await pairingAudit(world.db)).toEqual([]);
	});

	it('refuses a second school for a neighbourhood already paired this year', async () => {
		const [, secondSchool] = await schoolIdsIn(world.db, 'دولاب');
		const result = await pair('دولاب', secondSchool!);
		expect(result).toMatchObject({
			ok: false,
			error: 'neighborhood_taken',
			neighborhood: { name_fa: 'دولاب' },
			school: expect.any(String)
		});
		expect((await pairingOf(world.db, world.currentYearId, 'دولاب'))!.school_id).not.toBe(
			secondSchool
		);
	});

	it('has the database refuse a duplicate neighbourhood or school in a year, whatever the code', async () => {
		const dulab = await pairingOf(world.db, world.currentYearId, 'دولاب');
		const [, freeSchool] = await schoolIdsIn(world.db, 'دولاب');
		const insert = (neighborhood_id: number, school_id: number) =>
			world.db
				.insertInto('pairings')
				.values({
					school_year_id: world.currentYearId,
					neighborhood_id,
					school_id,
					created_at: NOW.toISOString()
				})
				.execute();
		const sameNeighborhood = await insert(dulab!.neighborhood_id, freeSchool!).catch((e) => e);
		expect(isUniqueViolation(sameNeighborhood)).toBe(true);
		const unpaired = await neighborhoodId(world.db, 'شهرابی');
		const sameSchool = await insert(unpaired, dulab!.school_id).catch((e) => e);
		expect(isUniqueViolation(sameSchool)).toBe(true);
		// The same pair in another year is another pairing: history is per year.
		expect((await pairingOf(world.db, world.previousYearId, 'دولاب'))!.school_id).toBe(
			dulab!.school_id
		);
	});

	it('warns about a school of another area, and pairs once the admin confirms', async () => {
		const [, otherAreaSchool] = await schoolIdsIn(world.db, 'دولاب');
		const warned = await pair('شهرابی', otherAreaSchool!);
		expect(warned).toEqual({
			ok: false,
			error: 'other_area',
			neighborhood: { name_fa: 'شهرابی', name_en: 'Shahrabi' },
			school: expect.any(String),
			area: { name_fa: 'ناحیه ۶', name_en: 'Area 6' },
			schoolArea: { name_fa: 'ناحیه ۳', name_en: 'Area 3' }
		});
		expect(await pairingOf(world.db, world.currentYearId, 'شهرابی')).toBeUndefined();

		const confirmed = await pair('شهرابی', otherAreaSchool!, true);
		expect(confirmed).toMatchObject({ ok: true, otherArea: true });
		const [entry] = await pairingAudit(world.db);
		expect(JSON.parse(entry!.after!)).toMatchObject({ other_area: true });
	});

	it('refuses a school outside the neighbourhood’s district', async () => {
		const result = await pair('شهرابی', world.other.schoolId, true);
		expect(result).toEqual({ ok: false, error: 'school_not_in_district' });
	});

	it('leaves ended school years alone: they are history', async () => {
		const [school] = await schoolIdsIn(world.db, 'شهرابی');
		const id = await neighborhoodId(world.db, 'شهرابی');
		await world.db
			.deleteFrom('pairings')
			.where('school_year_id', '=', world.previousYearId)
			.where('neighborhood_id', '=', id)
			.execute();
		const result = await pairNeighborhood(
			world.db,
			admin,
			{
				schoolYearId: world.previousYearId,
				neighborhoodId: id,
				schoolId: school!,
				confirmOtherArea: false
			},
			NOW
		);
		expect(result).toEqual({ ok: false, error: 'year_closed', year: '۱۴۰۴–۱۴۰۵' });
	});

	it('answers two admins pairing the same school at once with the clear refusal, not a crash', async () => {
		const [school] = await schoolIdsIn(world.db, 'شهرابی');
		const names = ['شهرابی', 'سرآسیاب دولاب'];
		const results = await Promise.all(names.map((name) => pair(name, school!)));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		// Whichever came second is told which neighbourhood has the school now.
		const winner = names[results.findIndex((r) => r.ok)];
		expect(results.find((r) => !r.ok)).toMatchObject({
			ok: false,
			error: 'school_taken',
			neighborhood: { name_fa: winner }
		});
		expect(await pairingAudit(world.db)).toHaveLength(1);
	});

	it('answers two admins pairing the same neighbourhood at once with the clear refusal', async () => {
		const [first] = await schoolIdsIn(world.db, 'شهرابی');
		const [second] = await schoolIdsIn(world.db, 'سرآسیاب دولاب');
		const results = await Promise.all([pair('شهرابی', first!), pair('شهرابی', second!)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toMatchObject({ error: 'neighborhood_taken' });
	});

	it('lets only admins of the neighbourhood’s district pair it', async () => {
		const [school] = await schoolIdsIn(world.db, 'شهرابی');
		const liaison = await actorOf(world.db, 'liaison@demo.test');
		const manager = await actorOf(world.db, 'manager@demo.test');
		const otherAdmin = await actorOf(world.db, 'admin15@other.test');
		for (const actor of [liaison, manager, otherAdmin]) {
			expect(await pair('شهرابی', school!, true, actor)).toEqual({ ok: false, error: 'not_found' });
		}
		expect(await pairingOf(world.db, world.currentYearId, 'شهرابی')).toBeUndefined();
		expect(await pairingAudit(world.db)).toEqual([]);
	});
});
