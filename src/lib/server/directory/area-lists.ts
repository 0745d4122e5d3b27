import type { AuthUser } from '../auth/guard.ts';
import { neighborhoodIdsInScope } from '../auth/scope.ts';
import type { DB } from '../db/connect.ts';
import { idsOrNone } from './records.ts';

// Areas and districts as lists: for the directory's area filter and for the admins' selects.

export interface AreaSummary {
	id: number;
	district_id: number;
	number: number;
	name_fa: string;
	name_en: string;
	district: { name_fa: string; name_en: string };
	neighborhoods: number;
}

/**
 * The areas a user reads, with how many of their neighbourhoods the user sees: every area of an
 * admin's or liaison's districts (empty ones too), and the areas of anyone else's neighbourhoods.
 */
export async function listAreasInScope(
	db: DB,
	user: Pick<AuthUser, 'role' | 'scope'>
): Promise<AreaSummary[]> {
	const districtWide = user.role === 'admin' || user.role === 'liaison';
	const rows = await db
		.selectFrom('areas')
		.innerJoin('districts', 'districts.id', 'areas.district_id')
		// A district-wide reader sees every neighbourhood of their districts' areas: no need to
		// test each against the scope (which costs seconds over a country's neighbourhoods).
		.leftJoin('neighborhoods', (join) =>
			districtWide
				? join.onRef('neighborhoods.area_id', '=', 'areas.id')
				: join
						.onRef('neighborhoods.area_id', '=', 'areas.id')
						.on('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user))
		)
		.select((eb) => [
			'areas.id',
			'areas.district_id',
			'areas.number',
			'areas.name_fa',
			'areas.name_en',
			'districts.name_fa as district_name_fa',
			'districts.name_en as district_name_en',
			eb.fn.count<number>('neighborhoods.id').as('neighborhoods')
		])
		.$if(districtWide, (q) => q.where('areas.district_id', 'in', idsOrNone(user.scope.districtIds)))
		.groupBy(['areas.id', 'districts.id'])
		.$if(!districtWide, (q) => q.having((eb) => eb.fn.count('neighborhoods.id'), '>', 0))
		.orderBy('areas.district_id')
		.orderBy('areas.number')
		.execute();
	return rows.map(({ district_name_fa, district_name_en, ...area }) => ({
		...area,
		district: { name_fa: district_name_fa, name_en: district_name_en },
		neighborhoods: Number(area.neighborhoods)
	}));
}

export interface AreaOption {
	id: number;
	district_id: number;
	name_fa: string;
	name_en: string;
	/** Named only when the areas come from more than one district. */
	district: { name_fa: string; name_en: string } | null;
}

/** Areas an admin may put a neighbourhood in, for a select. */
export async function listAreaOptions(db: DB, districtIds: number[]): Promise<AreaOption[]> {
	const rows = await db
		.selectFrom('areas')
		.innerJoin('districts', 'districts.id', 'areas.district_id')
		.select([
			'areas.id',
			'areas.district_id',
			'areas.name_fa',
			'areas.name_en',
			'districts.name_fa as district_name_fa',
			'districts.name_en as district_name_en'
		])
		.where('areas.district_id', 'in', idsOrNone(districtIds))
		.orderBy('areas.district_id')
		.orderBy('areas.number')
		.execute();
	const several = new Set(rows.map((r) => r.district_id)).size > 1;
	return rows.map(({ district_name_fa, district_name_en, ...area }) => ({
		...area,
		district: several ? { name_fa: district_name_fa, name_en: district_name_en } : null
	}));
}

export async function listDistricts(
	db: DB,
	districtIds: number[]
): Promise<{ id: number; name_fa: string; name_en: string }[]> {
	return db
		.selectFrom('districts')
		.select(['id', 'name_fa', 'name_en'])
		.where('id', 'in', idsOrNone(districtIds))
		.orderBy('id')
		.execute();
}
