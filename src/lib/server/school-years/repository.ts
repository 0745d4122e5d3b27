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

/** Every school year, the latest first. */
export async function listSchoolYears(db: DB): Promise<SchoolYear[]> {
	return db.selectFrom('school_years').selectAll().orderBy('starts_on', 'desc').execute();
}

export async function findSchoolYearById(db: DB, id: number): Promise<SchoolYear | null> {
	const year = await db
		.selectFrom('school_years')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	return year ?? null;
}

/** A school year sharing at least one day with the span from `startsOn` to `endsOn`. */
export async function findOverlappingSchoolYear(
	db: DB,
	startsOn: string,
	endsOn: string
): Promise<SchoolYear | null> {
	const year = await db
		.selectFrom('school_years')
		.selectAll()
		.where('starts_on', '<=', endsOn)
		.where('ends_on', '>=', startsOn)
		.orderBy('starts_on')
		.executeTakeFirst();
	return year ?? null;
}
