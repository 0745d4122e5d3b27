import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { directoryTree } from '../../helpers/directory-tree.ts';
import {
	createDemoDb,
	neighborhoodNames,
	schoolNames,
	scopedUser,
	type ScopedUser
} from './fixtures.ts';

// The directory search finds neighbourhoods, centres and schools however their names are typed.

describe('directory search', () => {
	let db: DB;
	let admin: ScopedUser;
	const search = (query: string, user: ScopedUser = admin) => directoryTree(db, { user, query });

	beforeAll(async () => {
		db = await createDemoDb();
		admin = await scopedUser(db, 'admin@demo.test');
	});

	it('finds a neighbourhood typed with Arabic ي and ك', async () => {
		expect(neighborhoodNames(await search('نيكنام'))).toEqual(['نیکنام']);
		expect(neighborhoodNames(await search('شكوفه'))).toEqual(['شکوفه']);
	});

	it('matches a space, a ZWNJ or nothing between word parts alike', async () => {
		expect(neighborhoodNames(await search('چهارصد\u200cدستگاه'))).toEqual(['چهارصد دستگاه']);
		expect(neighborhoodNames(await search('قصرفیروزه'))).toEqual(['قصر فیروزه']);
		// «ابن‌سینا» is stored with a ZWNJ.
		expect(schoolNames(await search('ابن سینا'))).toEqual(['دبستان پسرانه ابن‌سینا']);
		expect(schoolNames(await search('ایرانزمین'))).toHaveLength(1);
	});

	it('matches Persian, Arabic-Indic and Latin digits alike', async () => {
		expect(neighborhoodNames(await search('13 آبان'))).toEqual(['۱۳ آبان']);
		expect(neighborhoodNames(await search('١٣ آبان'))).toEqual(['۱۳ آبان']);
		const byCode = await search('۱۴۱۰۰۰۰۵');
		const latin = await search('14100005');
		expect(schoolNames(byCode)).toHaveLength(1);
		expect(schoolNames(byCode)).toEqual(schoolNames(latin));
	});

	it('finds a neighbourhood by its English name, in any case', async () => {
		expect(neighborhoodNames(await search('DULAB'))).toEqual(['دولاب', 'سرآسیاب دولاب']);
	});

	it('finds a neighbourhood by its centre’s name, with all its schools', async () => {
		const tree = await search('سرای محله شكيب');
		expect(neighborhoodNames(tree)).toEqual(['شکیب']);
		const all = await directoryTree(db, { user: admin });
		const shakib = all
			.flatMap((d) => d.areas)
			.flatMap((a) => a.neighborhoods)
			.find((n) => n.name_fa === 'شکیب');
		expect(schoolNames(tree)).toEqual(shakib!.schools.map((s) => s.name).sort());
	});

	it('shows a neighbourhood found through a school with that school only', async () => {
		const tree = await search('ابن‌سینا');
		const [neighborhood] = tree.flatMap((d) => d.areas).flatMap((a) => a.neighborhoods);
		expect(neighborhood?.schools.map((s) => s.name)).toEqual(['دبستان پسرانه ابن‌سینا']);
		const all = await directoryTree(db, { user: admin, query: neighborhood!.name_fa });
		expect(schoolNames(all).length).toBeGreaterThan(1);
	});

	it('treats % and _ as text, and finds nothing for an unknown name', async () => {
		expect(await search('%')).toEqual([]);
		expect(await search('_')).toEqual([]);
		expect(await search('ناموجود')).toEqual([]);
	});

	it('searches only inside the user’s scope', async () => {
		const manager = await scopedUser(db, 'manager@demo.test');
		expect(neighborhoodNames(await search('شاهین', manager))).toEqual([]);
		expect(neighborhoodNames(await search('دولاب', manager))).toEqual(['دولاب']);
	});
});
