import type { DB } from '../../db/connect.ts';
import { localName, schoolGenderLabel, schoolLevelLabel } from '../../../i18n/names.ts';
import { allGrades } from '../../../schools/levels.ts';
import { importColumns } from '../import/columns.ts';
import { scopedSchools, type SchoolListFilter, type ScopedUser } from '../repository.ts';

// The school list as a table with the import's columns, so an exported file can be imported
// again. Words (level, gender, neighbourhood) are in the page's language; the import reads both.

export type ExportCell = string | number | null;

export async function findExportRows(
	db: DB,
	user: ScopedUser,
	filter: SchoolListFilter
): Promise<{ header: string[]; rows: ExportCell[][] }> {
	const schools = await scopedSchools(db, user, filter)
		.select([
			'schools.id',
			'schools.ministry_code',
			'schools.name',
			'schools.level',
			'schools.gender',
			'neighborhoods.name_fa',
			'neighborhoods.name_en',
			'schools.address',
			'schools.principal_name',
			'schools.phone'
		])
		.orderBy('schools.name')
		.orderBy('schools.id')
		.execute();
	const enrolment = await db
		.selectFrom('school_enrolments')
		.select(['school_id', 'grade', 'students'])
		.where('school_id', 'in', scopedSchools(db, user, filter).select('schools.id'))
		.execute();
	const studentsOf = new Map<string, number>();
	for (const e of enrolment) studentsOf.set(`${e.school_id}:${e.grade}`, e.students);

	const rows = schools.map((s) => [
		s.ministry_code,
		s.name,
		schoolLevelLabel(s.level),
		schoolGenderLabel(s.gender),
		localName(s),
		s.address ?? '',
		s.principal_name ?? '',
		s.phone ?? '',
		...allGrades.map((g) => studentsOf.get(`${s.id}:${g}`) ?? null)
	]);
	return { header: [...importColumns], rows };
}
