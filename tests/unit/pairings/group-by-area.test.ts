import { beforeAll, describe, expect, it } from 'vitest';
import { pairingsInScope } from '../../helpers/pairings.ts';
import { groupByArea } from '../../../src/lib/server/pairings/group-by-area.ts';
import { createPairingWorld, scopedUser, type PairingWorld } from './fixtures.ts';

describe('the pairings page’s grouping', () => {
	let world: PairingWorld;
	beforeAll(async () => {
		world = await createPairingWorld();
	});

	it('groups by area in area order, names in the alphabetical order of the page’s language', async () => {
		const admin = await scopedUser(world.db, 'admin@demo.test');
		const rows = await pairingsInScope(world.db, admin, world.currentYearId);
		const fa = groupByArea(rows, 'fa');
		expect(fa.map((g) => g.area.number)).toEqual([1, 2, 3, 4, 5, 6]);
		// Persian order puts ژ before و: دژکام before دولاب.
		expect(fa[2]!.rows.map((r) => r.neighborhood.name_fa)).toEqual([
			'خاوران',
			'دژکام',
			'دولاب',
			'شاهین'
		]);
		const en = groupByArea(rows, 'en');
		expect(en[2]!.rows.map((r) => r.neighborhood.name_en)).toEqual([
			'Dezhkam',
			'Dulab',
			'Khavaran',
			'Shahin'
		]);
		expect(en.flatMap((g) => g.rows)).toHaveLength(25);
	});
});
