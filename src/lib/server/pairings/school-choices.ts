import type { DB } from '../db/connect.ts';
import type { SchoolGender, SchoolLevel } from '../db/schema.ts';
import type { Names } from './records.ts';

// The schools an admin may pair a neighbourhood with: its district's, each with its area and,
// when it already has one that year, the neighbourhood it is paired with.

export interface SchoolChoice {
	id: number;
	name: string;
	level: SchoolLevel;
	gender: SchoolGender;
	area: Names & { id: number; number: number };
	paired_with: (Names & { id: number }) | null;
}

export async function findSchoolChoices(
	db: DB,
	districtId: number,
	schoolYearId: number
): Promise<SchoolChoice[]> {
	const rows = await db
		.selectFrom('schools')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.leftJoin('pairings', (join) =>
			join
				.onRef('pairings.school_id', '=', 'schools.id')
				.on('pairings.school_year_id', '=', schoolYearId)
		)
		.leftJoin('neighborhoods as paired', 'paired.id', 'pairings.neighborhood_id')
		.select([
			'schools.id',
			'schools.name',
			'schools.level',
			'schools.gender',
			'areas.id as area_id',
			'areas.number as area_number',
			'areas.name_fa as area_name_fa',
			'areas.name_en as area_name_en',
			'paired.id as paired_id',
			'paired.name_fa as paired_name_fa',
			'paired.name_en as paired_name_en'
		])
		.where('areas.district_id', '=', districtId)
		.orderBy('areas.number')
		.orderBy('schools.name')
		.orderBy('schools.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		level: r.level,
		gender: r.gender,
		area: {
			id: r.area_id,
			number: r.area_number,
			name_fa: r.area_name_fa,
			name_en: r.area_name_en
		},
		paired_with:
			r.paired_id === null
				? null
				: { id: r.paired_id, name_fa: r.paired_name_fa!, name_en: r.paired_name_en! }
	}));
}

export interface GroupedSchoolChoices {
	/** Not yet paired that year, in the neighbourhood's own area. */
	sameArea: SchoolChoice[];
	/** Not yet paired that year, in the district's other areas. */
	otherAreas: SchoolChoice[];
	/** Already paired with another neighbourhood that year: choosing one is refused. */
	taken: SchoolChoice[];
}

/** The choices for one neighbourhood, leaving out the school it is paired with now. */
export function groupSchoolChoices(
	choices: SchoolChoice[],
	neighborhood: { id: number; areaId: number }
): GroupedSchoolChoices {
	const others = choices.filter((c) => c.paired_with?.id !== neighborhood.id);
	const free = others.filter((c) => c.paired_with === null);
	return {
		sameArea: free.filter((c) => c.area.id === neighborhood.areaId),
		otherAreas: free.filter((c) => c.area.id !== neighborhood.areaId),
		taken: others.filter((c) => c.paired_with !== null)
	};
}
