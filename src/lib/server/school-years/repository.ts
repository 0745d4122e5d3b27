import type { DB } from '../db/connect.ts';
import type { SchoolYear } from '../db/schema.ts';

export async function findCurrentSchoolYear(db: DB): Promise<SchoolYear | null> {
	const year = await db
		.selectFrom('school_years')
		.selectAll()
		.where('is_current', '=', 1)
		.executeTakeFirst();
	return year ?? null;
}
