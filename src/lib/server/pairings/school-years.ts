import type { DB } from '../db/connect.ts';
import type { SchoolYear } from '../db/schema.ts';

export { findSchoolYearById, listSchoolYears } from '../school-years/repository.ts';

// Pairings are kept per school year: the chosen year is the page's year, earlier years are history.

export type SchoolYearChoice = Pick<
	SchoolYear,
	'id' | 'label' | 'starts_on' | 'ends_on' | 'is_current'
>;

/** The school year just before `year`, whose pairings "last year's pairings" means. */
export async function findPreviousSchoolYear(
	db: DB,
	year: Pick<SchoolYearChoice, 'starts_on'>
): Promise<SchoolYearChoice | null> {
	const previous = await db
		.selectFrom('school_years')
		.select(['id', 'label', 'starts_on', 'ends_on', 'is_current'])
		.where('starts_on', '<', year.starts_on)
		.orderBy('starts_on', 'desc')
		.limit(1)
		.executeTakeFirst();
	return previous ?? null;
}

/** `?year=<id>` as a number; anything else is no choice. */
export function schoolYearIdFrom(url: URL): number | null {
	const id = Number(url.searchParams.get('year'));
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The year asked for if it exists, else the current year, else the newest; null when there is none. */
export function chooseSchoolYear(
	years: SchoolYearChoice[],
	requestedId: number | null
): SchoolYearChoice | null {
	return (
		years.find((y) => y.id === requestedId) ??
		years.find((y) => y.is_current === 1) ??
		years[0] ??
		null
	);
}

/** A year that has ended keeps its pairings as history: they no longer change. */
export function isSchoolYearClosed(
	year: Pick<SchoolYearChoice, 'ends_on'>,
	today: string
): boolean {
	return year.ends_on < today;
}
