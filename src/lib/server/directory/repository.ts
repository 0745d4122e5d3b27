import type { DB } from '../db/connect.ts';
import type { SchoolGender, SchoolLevel } from '../db/schema.ts';

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

/** Every district as a tree: areas → neighbourhoods → centre and schools. Five queries, whatever its size. */
export async function findDirectoryTree(db: DB): Promise<DirectoryDistrict[]> {
	const [districts, areas, neighborhoods, centers, schools] = await Promise.all([
		db.selectFrom('districts').select(['id', 'name_fa', 'name_en']).orderBy('id').execute(),
		db
			.selectFrom('areas')
			.select(['id', 'district_id', 'number', 'name_fa', 'name_en'])
			.orderBy('number')
			.execute(),
		db
			.selectFrom('neighborhoods')
			.select(['id', 'area_id', 'name_fa', 'name_en'])
			.orderBy('name_fa')
			.execute(),
		db
			.selectFrom('centers')
			.select(['id', 'neighborhood_id', 'name', 'address', 'phone'])
			.orderBy('id')
			.execute(),
		db
			.selectFrom('schools')
			.leftJoin('school_enrolments', 'school_enrolments.school_id', 'schools.id')
			.select(({ fn, val }) => [
				'schools.id',
				'schools.neighborhood_id',
				'schools.name',
				'schools.level',
				'schools.gender',
				fn.coalesce(fn.sum<number>('school_enrolments.students'), val(0)).as('students')
			])
			.groupBy('schools.id')
			.orderBy('schools.name')
			.execute()
	]);

	const centerOf = new Map(centers.map((c) => [c.neighborhood_id, c]));
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
				return {
					id: n.id,
					name_fa: n.name_fa,
					name_en: n.name_en,
					center: center
						? { id: center.id, name: center.name, address: center.address, phone: center.phone }
						: null,
					schools: (schoolsOf.get(n.id) ?? []).map((s) => ({
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
