import type { DB } from '../db/connect.ts';
import { listDistrictsByIds } from './districts.ts';
import type { SchoolGender, SchoolLevel } from '../db/schema.ts';
import {
	countNeighborhoodsInView,
	neighborhoodsInView,
	schoolsOfNeighborhoods,
	searchKeyOf,
	type DirectoryFilter
} from './tree-filter.ts';

export type { DirectoryFilter } from './tree-filter.ts';

export interface DirectorySchool {
	id: number;
	name: string;
	level: SchoolLevel;
	gender: SchoolGender;
	students: number;
}

export interface DirectoryNeighborhood {
	id: number;
	name_fa: string;
	name_en: string;
	center: { id: number; name: string; address: string | null; phone: string | null } | null;
	schools: DirectorySchool[];
}

export interface DirectoryArea {
	id: number;
	number: number;
	name_fa: string;
	name_en: string;
	neighborhoods: DirectoryNeighborhood[];
}

export interface DirectoryDistrict {
	id: number;
	name_fa: string;
	name_en: string;
	areas: DirectoryArea[];
}

export const DIRECTORY_PAGE_SIZE = 30;

type NeighborhoodRow = { id: number; area_id: number; name_fa: string; name_en: string };

/** One page of the filtered tree (pages of neighbourhoods), and how many neighbourhoods match. */
export async function findDirectoryPage(
	db: DB,
	filter: DirectoryFilter,
	page: number,
	pageSize = DIRECTORY_PAGE_SIZE
): Promise<{ districts: DirectoryDistrict[]; total: number }> {
	const [rows, total] = await Promise.all([
		neighborhoodsInView(db, filter)
			.limit(pageSize)
			.offset((page - 1) * pageSize)
			.execute(),
		countNeighborhoodsInView(db, filter)
	]);
	return { districts: await assembleTree(db, filter, rows), total };
}

/** The page's neighbourhoods as a tree, with the areas and districts that hold them. */
async function assembleTree(
	db: DB,
	filter: DirectoryFilter,
	neighborhoods: (NeighborhoodRow & { name_search: string })[]
): Promise<DirectoryDistrict[]> {
	const ids = neighborhoods.map((n) => n.id);
	const areaIds = [...new Set(neighborhoods.map((n) => n.area_id))];
	const [areas, centers, schools] = await Promise.all([
		db
			.selectFrom('areas')
			.select(['id', 'district_id', 'number', 'name_fa', 'name_en'])
			.where('id', 'in', areaIds.length ? areaIds : [-1])
			.orderBy('number')
			.execute(),
		db
			.selectFrom('centers')
			.select(['id', 'neighborhood_id', 'name', 'address', 'phone', 'name_search'])
			.where('neighborhood_id', 'in', ids.length ? ids : [-1])
			.orderBy('id')
			.execute(),
		schoolsOfNeighborhoods(db, filter, ids).execute()
	]);
	const districtIds = [...new Set(areas.map((a) => a.district_id))];
	const districts = await listDistrictsByIds(db, districtIds);

	// A neighbourhood found by its own or its centre's name shows all its schools; one found
	// through a school shows the schools that match.
	const key = searchKeyOf(filter);
	const centerOf = new Map(centers.map((c) => [c.neighborhood_id, c]));
	const wholeMatch = (n: NeighborhoodRow & { name_search: string }) =>
		!key || n.name_search.includes(key) || Boolean(centerOf.get(n.id)?.name_search.includes(key));
	const schoolsOf = groupBy(schools, (s) => s.neighborhood_id);
	const neighborhoodsOf = groupBy(neighborhoods, (n) => n.area_id);
	const areasOf = groupBy(areas, (a) => a.district_id);

	return districts.map((district) => ({
		...district,
		areas: (areasOf.get(district.id) ?? []).map((area) => ({
			id: area.id,
			number: area.number,
			name_fa: area.name_fa,
			name_en: area.name_en,
			neighborhoods: (neighborhoodsOf.get(area.id) ?? []).map((n) => {
				const center = centerOf.get(n.id);
				const all = wholeMatch(n);
				return {
					id: n.id,
					name_fa: n.name_fa,
					name_en: n.name_en,
					center: center
						? { id: center.id, name: center.name, address: center.address, phone: center.phone }
						: null,
					schools: (schoolsOf.get(n.id) ?? [])
						.filter((s) => all || s.name_search.includes(key))
						.map((s) => ({
							id: s.id,
							name: s.name,
							level: s.level,
							gender: s.gender,
							students: Number(s.students)
						}))
				};
			})
		}))
	}));
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const row of rows) {
		const k = key(row);
		const group = groups.get(k);
		if (group) group.push(row);
		else groups.set(k, [row]);
	}
	return groups;
}
