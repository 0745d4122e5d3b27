import type { SchoolGender, SchoolLevel } from '../db/schema.ts';
import type { SchoolInput } from '../../schemas/schools.ts';
import { allGrades, gradeField } from '../../schools/levels.ts';

// A school as it is stored: the row's own fields and its enrolment per grade. The form, the
// import and the audit entries all speak this shape.

export interface SchoolRecord {
	ministry_code: string;
	name: string;
	level: SchoolLevel;
	gender: SchoolGender;
	neighborhood_id: number;
	address: string | null;
	principal_name: string | null;
	phone: string | null;
	/** Ordered by grade; a grade left blank has no entry. */
	enrolment: { grade: number; students: number }[];
}

const orNull = (text: string): string | null => (text === '' ? null : text);

export function recordFromInput(input: SchoolInput): SchoolRecord {
	return {
		ministry_code: input.ministry_code,
		name: input.name,
		level: input.level,
		gender: input.gender,
		neighborhood_id: input.neighborhood_id,
		address: orNull(input.address),
		principal_name: orNull(input.principal_name),
		phone: orNull(input.phone),
		enrolment: allGrades
			.filter((g) => input[gradeField(g)] !== '')
			.map((grade) => ({ grade, students: Number(input[gradeField(grade)]) }))
	};
}

/** The form's values for a stored school. */
export function inputFromRecord(record: SchoolRecord): SchoolInput {
	const grades = Object.fromEntries(
		allGrades.map((g) => [
			gradeField(g),
			String(record.enrolment.find((e) => e.grade === g)?.students ?? '')
		])
	) as Pick<SchoolInput, `grade_${(typeof allGrades)[number]}`>;
	return {
		ministry_code: record.ministry_code,
		name: record.name,
		level: record.level,
		gender: record.gender,
		neighborhood_id: record.neighborhood_id,
		address: record.address ?? '',
		principal_name: record.principal_name ?? '',
		phone: record.phone ?? '',
		...grades
	};
}

export function sameRecord(a: SchoolRecord, b: SchoolRecord): boolean {
	return (
		a.ministry_code === b.ministry_code &&
		a.name === b.name &&
		a.level === b.level &&
		a.gender === b.gender &&
		a.neighborhood_id === b.neighborhood_id &&
		a.address === b.address &&
		a.principal_name === b.principal_name &&
		a.phone === b.phone &&
		a.enrolment.length === b.enrolment.length &&
		a.enrolment.every(
			(e, i) => e.grade === b.enrolment[i]!.grade && e.students === b.enrolment[i]!.students
		)
	);
}

export function totalStudents(record: Pick<SchoolRecord, 'enrolment'>): number {
	return record.enrolment.reduce((sum, e) => sum + e.students, 0);
}
