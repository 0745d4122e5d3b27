import type { Grade } from '../schools/levels.ts';
import type { StudentGender } from '../server/db/schema.ts';

// Attendance as head counts, shared by the forms (live warnings) and the server (rules). A grade's
// students are compared with the school's enrolment: more present than enrolled is probably a
// typing mistake, so the form warns, but it is not refused (a class may have had guests).

export const studentGenders = ['girls', 'boys'] as const satisfies readonly StudentGender[];

/** A form field's name for one grade's girls or boys, e.g. `girls_7`. */
export type StudentField = `${StudentGender}_${Grade}`;

export const studentField = (gender: StudentGender, grade: number): StudentField =>
	`${gender}_${grade}` as StudentField;

export interface StudentCount {
	grade: number;
	gender: StudentGender;
	students: number;
}

export interface AttendanceCounts {
	teachers: number;
	parents: number;
	students: StudentCount[];
}

export interface GradeEnrolment {
	grade: number;
	students: number;
}

export interface EnrolmentWarning {
	grade: number;
	/** Both genders together. */
	students: number;
	enrolled: number;
}

export function attendanceTotal(counts: AttendanceCounts): number {
	return counts.students.reduce((sum, s) => sum + s.students, counts.teachers + counts.parents);
}

/** The session's grades from the stored text ('7,8,9'); none for parents or teachers. */
export function gradesOfSession(grades: string | null): number[] {
	return grades ? grades.split(',').map(Number) : [];
}

/** The grades whose students outnumber the school's enrolment (grades with no enrolment: none). */
export function enrolmentWarnings(
	students: readonly StudentCount[],
	enrolment: readonly GradeEnrolment[]
): EnrolmentWarning[] {
	const present = new Map<number, number>();
	for (const s of students) present.set(s.grade, (present.get(s.grade) ?? 0) + s.students);
	return enrolment
		.filter((e) => (present.get(e.grade) ?? 0) > e.students)
		.map((e) => ({ grade: e.grade, students: present.get(e.grade)!, enrolled: e.students }))
		.sort((a, b) => a.grade - b.grade);
}
