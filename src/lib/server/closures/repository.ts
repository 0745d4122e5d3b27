import type { DB } from '../db/connect.ts';
import type { Closure, ClosureKind } from '../db/schema.ts';
import { centersInDistricts, schoolsInDistricts } from '../directory/in-districts.ts';

// Closure queries. `findClosuresOn` is what the session scheduler asks before accepting a date.

export type ClosureRow = Closure & {
	school_name: string | null;
	center_name: string | null;
};

function closuresWithTargets(db: DB) {
	return db
		.selectFrom('closures')
		.leftJoin('schools', 'schools.id', 'closures.school_id')
		.leftJoin('centers', 'centers.id', 'closures.center_id')
		.selectAll('closures')
		.select(['schools.name as school_name', 'centers.name as center_name']);
}

export interface ClosureDay {
	districtId: number;
	/** 'YYYY-MM-DD'. */
	date: string;
	schoolId?: number | null;
	centerId?: number | null;
}

/**
 * The closures that apply on one day: the district's holidays and exam periods, plus the given
 * school's and centre's own closures (never another school's or centre's).
 */
export async function findClosuresOn(db: DB, day: ClosureDay): Promise<ClosureRow[]> {
	return closuresWithTargets(db)
		.where('closures.district_id', '=', day.districtId)
		.where('closures.starts_on', '<=', day.date)
		.where('closures.ends_on', '>=', day.date)
		.where((eb) =>
			eb.or([
				eb('closures.kind', 'in', ['holiday', 'exam']),
				eb.and([
					eb('closures.kind', '=', 'school'),
					eb('closures.school_id', '=', day.schoolId ?? -1)
				]),
				eb.and([
					eb('closures.kind', '=', 'center'),
					eb('closures.center_id', '=', day.centerId ?? -1)
				])
			])
		)
		.orderBy('closures.starts_on')
		.orderBy('closures.id')
		.execute();
}

/** Every closure of a district sharing at least one day with `from`..`to` (inclusive). */
export async function findClosuresBetween(
	db: DB,
	districtId: number,
	from: string,
	to: string,
	kind?: ClosureKind | null
): Promise<ClosureRow[]> {
	let query = closuresWithTargets(db)
		.where('closures.district_id', '=', districtId)
		.where('closures.starts_on', '<=', to)
		.where('closures.ends_on', '>=', from);
	if (kind) query = query.where('closures.kind', '=', kind);
	return query.orderBy('closures.starts_on').orderBy('closures.id').execute();
}

/** One closure, if it belongs to one of `districtIds`. */
export async function findClosureInDistricts(
	db: DB,
	id: number,
	districtIds: number[]
): Promise<ClosureRow | null> {
	const row = await closuresWithTargets(db)
		.where('closures.id', '=', id)
		.where('closures.district_id', 'in', districtIds.length ? districtIds : [-1])
		.executeTakeFirst();
	return row ?? null;
}

export interface ClosureTargets {
	schools: { id: number; name: string }[];
	centers: { id: number; name: string }[];
}

/** The schools and centres of a district, for choosing whose closure it is. */
export async function listClosureTargets(db: DB, districtId: number): Promise<ClosureTargets> {
	const [schools, centers] = await Promise.all([
		schoolsInDistricts(db, [districtId])
			.select(['schools.id', 'schools.name'])
			.orderBy('schools.name')
			.execute(),
		centersInDistricts(db, [districtId])
			.select(['centers.id', 'centers.name'])
			.orderBy('centers.name')
			.execute()
	]);
	return { schools, centers };
}
