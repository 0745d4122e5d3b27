import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/connect.ts';
import { containsText } from '../db/contains-text.ts';
import type { Database, Role, User } from '../db/schema.ts';

export async function findUserByEmail(db: DB, email: string): Promise<User | null> {
	return (
		(await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()) ?? null
	);
}

export async function findUserById(db: DB, id: number): Promise<User | null> {
	return (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export interface UserScope {
	districtIds: number[];
	centerIds: number[];
	schoolId: number | null;
}

export async function findUserScope(
	db: DB,
	user: Pick<User, 'id' | 'school_id'>
): Promise<UserScope> {
	const [districts, centers] = await Promise.all([
		db.selectFrom('user_districts').select('district_id').where('user_id', '=', user.id).execute(),
		db.selectFrom('user_centers').select('center_id').where('user_id', '=', user.id).execute()
	]);
	return {
		districtIds: districts.map((d) => d.district_id),
		centerIds: centers.map((c) => c.center_id),
		schoolId: user.school_id
	};
}

/** The districts a user's scope lies in, whatever their role. */
function userDistrictIds(eb: ExpressionBuilder<Database, 'users'>) {
	return eb
		.selectFrom('user_districts')
		.select('user_districts.district_id as district_id')
		.whereRef('user_districts.user_id', '=', 'users.id')
		.union(
			eb
				.selectFrom('user_centers')
				.innerJoin('centers', 'centers.id', 'user_centers.center_id')
				.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
				.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
				.select('areas.district_id as district_id')
				.whereRef('user_centers.user_id', '=', 'users.id')
		)
		.union(
			eb
				.selectFrom('schools')
				.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
				.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
				.select('areas.district_id as district_id')
				.whereRef('schools.id', '=', 'users.school_id')
		);
}

function scopeLiesIn(eb: ExpressionBuilder<Database, 'users'>, districtIds: number[]) {
	return eb.exists(
		eb
			.selectFrom(userDistrictIds(eb).as('scope'))
			.select('scope.district_id')
			.where('scope.district_id', 'in', districtIds.length ? districtIds : [-1])
	);
}

export interface UserListFilter {
	query?: string;
	role?: Role;
	includeInactive?: boolean;
}

export type UserListRow = Pick<
	User,
	'id' | 'email' | 'display_name' | 'role' | 'active' | 'must_change_password'
>;

export const USER_PAGE_SIZE = 20;

/** Users whose scope lies in one of `districtIds` (an admin's own districts). */
export async function listUsersInDistricts(
	db: DB,
	districtIds: number[],
	filter: UserListFilter,
	page: number
): Promise<{ rows: UserListRow[]; total: number }> {
	let query = db.selectFrom('users').where((eb) => scopeLiesIn(eb, districtIds));
	if (filter.role) query = query.where('role', '=', filter.role);
	if (!filter.includeInactive) query = query.where('active', '=', 1);
	if (filter.query) {
		const text = filter.query.trim().toLowerCase();
		query = query.where((eb) =>
			eb.or([containsText(eb.ref('email'), text), containsText(eb.ref('display_name'), text)])
		);
	}
	const [rows, count] = await Promise.all([
		query
			.select(['id', 'email', 'display_name', 'role', 'active', 'must_change_password'])
			.orderBy('email')
			.limit(USER_PAGE_SIZE)
			.offset((page - 1) * USER_PAGE_SIZE)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

/** Whether a user's scope lies in one of `districtIds`: an admin may manage them. */
export async function isUserInDistricts(
	db: DB,
	userId: number,
	districtIds: number[]
): Promise<boolean> {
	const row = await db
		.selectFrom('users')
		.select('id')
		.where('id', '=', userId)
		.where((eb) => scopeLiesIn(eb, districtIds))
		.executeTakeFirst();
	return Boolean(row);
}
