import { beforeAll, describe, expect, it } from 'vitest';
import { findSessionFilterChoices } from '../../../src/lib/server/bell-sessions/choices.ts';
import { insertDistrictWithArea } from '../../helpers/districts.ts';
import { actorOf, createSessionWorld, type SessionWorld } from './fixtures.ts';

// The session list's filter options: only places in scope; over a wide scope, neighbourhoods
// and schools only within the area or neighbourhood chosen, so the page stays small.

let world: SessionWorld;
beforeAll(async () => {
	world = await createSessionWorld();
});

describe("the session list's filter choices", () => {
	it('offers a centre manager only their neighbourhoods and their paired schools', async () => {
		const choices = await findSessionFilterChoices(world.db, world.manager);
		expect(choices.neighborhoods.map((n) => n.name_fa).sort()).toEqual(['خاوران', 'دولاب']);
		expect(choices.schools.map((s) => s.id)).toContain(world.dowlab.schoolId);
		expect(choices.schools).toHaveLength(2);
		expect(choices.areas.length).toBeGreaterThan(0);
	});

	it('offers everything in scope while the scope is small', async () => {
		const admin = await actorOf(world.db, 'admin@demo.test');
		const choices = await findSessionFilterChoices(world.db, admin);
		expect(choices.neighborhoods).toHaveLength(25);
		expect(choices.areas).toHaveLength(6);
	});

	it('over a wide scope offers neighbourhoods and schools only within the area chosen', async () => {
		const admin = await actorOf(world.db, 'admin@demo.test');
		const wide = await findSessionFilterChoices(world.db, admin, {}, 10);
		expect(wide.areas).toHaveLength(6);
		expect(wide).toMatchObject({ neighborhoods: [], schools: [] });

		const area = await world.db
			.selectFrom('neighborhoods')
			.select('area_id')
			.where('id', '=', world.dowlab.neighborhoodId)
			.executeTakeFirstOrThrow();
		const inArea = await findSessionFilterChoices(world.db, admin, { area: area.area_id }, 10);
		expect(inArea.neighborhoods.map((n) => n.name_fa)).toContain('دولاب');
		expect(inArea.neighborhoods.every((n) => n.area_id === area.area_id)).toBe(true);
		expect(inArea.schools.map((s) => s.id)).toContain(world.dowlab.schoolId);

		const one = await findSessionFilterChoices(
			world.db,
			admin,
			{ neighborhood: world.dowlab.neighborhoodId },
			10
		);
		expect(one.schools.map((s) => s.id)).toEqual([world.dowlab.schoolId]);
	});

	it('over more facilitators than it lists offers only the one chosen', async () => {
		const admin = await actorOf(world.db, 'admin@demo.test');
		const all = await findSessionFilterChoices(world.db, admin);
		expect(all.facilitators.length).toBeGreaterThan(1);
		const few = all.facilitators.length - 1;
		expect((await findSessionFilterChoices(world.db, admin, {}, few)).facilitators).toEqual([]);
		const chosen = all.facilitators[1]!;
		const one = await findSessionFilterChoices(world.db, admin, { facilitator: chosen.id }, few);
		expect(one.facilitators).toEqual([chosen]);
		const enough = await findSessionFilterChoices(world.db, admin, {}, all.facilitators.length);
		expect(enough.facilitators).toEqual(all.facilitators);
	});

	it('over more areas than it lists offers the districts, and the areas of the one chosen', async () => {
		const admin = await actorOf(world.db, 'admin@demo.test');
		const own = admin.scope.districtIds[0]!;
		expect((await findSessionFilterChoices(world.db, admin)).districts).toEqual([]);

		const other = await insertDistrictWithArea(world.db, { fa: 'منطقه ۱۵', en: 'District 15' });
		const both = { ...admin, scope: { ...admin.scope, districtIds: [own, other.districtId] } };
		const choices = await findSessionFilterChoices(world.db, both, {}, 5);
		expect(choices.districts.map((d) => d.id)).toEqual([own, other.districtId]);
		expect(choices.areas).toEqual([]);
		const inDistrict = await findSessionFilterChoices(world.db, both, { district: own }, 5);
		expect(inDistrict.areas).toHaveLength(6);
		expect((await findSessionFilterChoices(world.db, both, {}, 6)).areas).toHaveLength(6);
	});
});
