import type { DB } from '../../src/lib/server/db/connect.ts';

/** A district of Tehran with one area (number 1), as tests add them next to the demo district. */
export async function insertDistrictWithArea(
	db: DB,
	name: { fa: string; en: string }
): Promise<{ districtId: number; areaId: number }> {
	const district = await db
		.insertInto('districts')
		.values({ name_fa: name.fa, name_en: name.en, city_fa: 'تهران', city_en: 'Tehran' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const area = await db
		.insertInto('areas')
		.values({ district_id: district.id, number: 1, name_fa: 'ناحیه ۱', name_en: 'Area 1' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { districtId: district.id, areaId: area.id };
}
