import type { DB } from '../db/connect.ts';
import { containsText } from '../db/contains-text.ts';
import type { SchoolGender, SchoolLevel } from '../db/schema.ts';
import { schoolIdsInScope } from '../auth/scope.ts';
import type { AuthUser } from '../auth/guard.ts';
import { normalizeForSearch } from '../../search/normalize.ts';

// Reading schools within a user's scope: the list (search, filters, paging) and its options.

export type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

export interface SchoolListFilter {
	query?: string;
	areaId?: number;
	neighborhoodId?: number;
	level?: SchoolLevel;
	gender?: SchoolGender;
}

export const SCHOOL_PAGE_SIZE = 25;

/** The schools a user reads, joined to their neighbourhood and area, narrowed by `filter`. */
export function scopedSchools(db: DB, user: ScopedUser, filter: SchoolListFilter) {
	let query = db
		.selectFrom('schools')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.where('schools.id', 'in', schoolIdsInScope(db, user));
	const key = normalizeForSearch(filter.query ?? '');
	// A neighbourhood's name finds its schools too: people look for "the schools of Dulab".
	if (key)
		query = query.where((eb) =>
			eb.or([
				containsText(eb.ref('schools.name_search'), key),
				containsText(eb.ref('neighborhoods.name_search'), key)
			])
		);
	if (filter.areaId) query = query.where('areas.id', '=', filter.areaId);
	if (filter.neighborhoodId) query = query.where('neighborhoods.id', '=', filter.neighborhoodId);
	if (filter.level) query = query.where('schools.level', '=', filter.level);
	if (filter.gender) query = query.where('schools.gender', '=', filter.gender);
	return query;
}

export interface SchoolListRow {
	id: number;
	ministry_code: string;
	name: string;
	level: SchoolLevel;
	gender: SchoolGender;
	neighborhood: { name_fa: string; name_en: string };
	students: number;
}

export async function listSchools(
	db: DB,
	user: ScopedUser,
	filter: SchoolListFilter,
	page: number
): Promise<{ rows: SchoolListRow[]; total: number }> {
	const query = scopedSchools(db, user, filter);
	const [rows, count] = await Promise.all([
		query
			.select((eb) => [
				'schools.id',
				'schools.ministry_code',
				'schools.name',
				'schools.level',
				'schools.gender',
				'neighborhoods.name_fa',
				'neighborhoods.name_en',
				eb
					.selectFrom('school_enrolments')
					.select((e) => e.fn.coalesce(e.fn.sum<number>('students'), e.val(0)).as('n'))
					.whereRef('school_enrolments.school_id', '=', 'schools.id')
					.as('students')
			])
			.orderBy('schools.name')
			.orderBy('schools.id')
			.limit(SCHOOL_PAGE_SIZE)
			.offset((page - 1) * SCHOOL_PAGE_SIZE)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return {
		rows: rows.map(({ name_fa, name_en, students, ...school }) => ({
			...school,
			neighborhood: { name_fa, name_en },
			students: Number(students ?? 0)
		})),
		total: Number(count.n)
	};
}
