import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// One interface for the whole database. Dates are 'YYYY-MM-DD' text, instants UTC ISO-8601
// text, booleans 0/1: chosen once so the same code can move to PostgreSQL.

export type SchoolLevel = 'primary' | 'lower_secondary' | 'upper_secondary';
export type SchoolGender = 'boys' | 'girls';

export interface DistrictsTable {
	id: Generated<number>;
	name_fa: string;
	name_en: string;
	city_fa: string;
	city_en: string;
	timezone: Generated<string>;
}

export interface AreasTable {
	id: Generated<number>;
	district_id: number;
	number: number;
	name_fa: string;
	name_en: string;
}

export interface NeighborhoodsTable {
	id: Generated<number>;
	area_id: number;
	name_fa: string;
	name_en: string;
}

export interface CentersTable {
	id: Generated<number>;
	neighborhood_id: number;
	name: string;
	address: string | null;
	phone: string | null;
}

export interface SchoolsTable {
	id: Generated<number>;
	ministry_code: string;
	name: string;
	level: SchoolLevel;
	gender: SchoolGender;
	neighborhood_id: number;
	address: string | null;
	principal_name: string | null;
	phone: string | null;
}

export interface SchoolEnrolmentsTable {
	school_id: number;
	grade: number;
	students: number;
}

export interface SchoolYearsTable {
	id: Generated<number>;
	label: string;
	starts_on: string;
	ends_on: string;
	is_current: Generated<number>;
}

export interface Database {
	districts: DistrictsTable;
	areas: AreasTable;
	neighborhoods: NeighborhoodsTable;
	centers: CentersTable;
	schools: SchoolsTable;
	school_enrolments: SchoolEnrolmentsTable;
	school_years: SchoolYearsTable;
}

export type District = Selectable<DistrictsTable>;
export type NewDistrict = Insertable<DistrictsTable>;
export type DistrictUpdate = Updateable<DistrictsTable>;
export type Area = Selectable<AreasTable>;
export type NewArea = Insertable<AreasTable>;
export type AreaUpdate = Updateable<AreasTable>;
export type Neighborhood = Selectable<NeighborhoodsTable>;
export type NewNeighborhood = Insertable<NeighborhoodsTable>;
export type NeighborhoodUpdate = Updateable<NeighborhoodsTable>;
export type Center = Selectable<CentersTable>;
export type NewCenter = Insertable<CentersTable>;
export type CenterUpdate = Updateable<CentersTable>;
export type School = Selectable<SchoolsTable>;
export type NewSchool = Insertable<SchoolsTable>;
export type SchoolUpdate = Updateable<SchoolsTable>;
export type SchoolEnrolment = Selectable<SchoolEnrolmentsTable>;
export type NewSchoolEnrolment = Insertable<SchoolEnrolmentsTable>;
export type SchoolYear = Selectable<SchoolYearsTable>;
export type NewSchoolYear = Insertable<SchoolYearsTable>;
export type SchoolYearUpdate = Updateable<SchoolYearsTable>;
