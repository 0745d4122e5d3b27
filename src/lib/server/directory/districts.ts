import type { DB } from '../db/connect.ts';

/** The districts with these ids, by id, with their names: for choices and headings. */
export async function listDistrictsByIds(db: DB, ids: number[]) {
	return db
		.selectFrom('districts')
		.select(['id', 'name_fa', 'name_en'])
		.where('id', 'in', ids.length ? ids : [-1])
		.orderBy('id')
		.execute();
}
