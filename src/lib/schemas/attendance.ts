import { z } from './z.ts';
import { toPersianDigits } from '../i18n/digits.ts';
import { formatNumber } from '../i18n/format.ts';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import {
	studentField,
	studentGenders,
	type AttendanceCounts,
	type StudentField
} from '../attendance/counts.ts';
import { wholeNumberText } from './fields.ts';
import { allGrades } from '../schools/levels.ts';

// The attendance form: teachers, parents and the students of each of the session's grades by
// gender, typed with Persian or Latin digits. The form shows only the session's grades; the other
// grades' fields are absent from it and read as 0.

/** More than this in one box is a typing mistake, not a session. */
export const ATTENDANCE_MAX = 5000;

/** One head count, from 0 to ATTENDANCE_MAX, in Persian or Latin digits. */
export const countField = () =>
	wholeNumberText(0, ATTENDANCE_MAX, () =>
		m.attendance_error_count({ max: formatNumber(ATTENDANCE_MAX) })
	);

const studentCount = () => countField().default('0');

const studentShape = Object.fromEntries(
	allGrades.flatMap((grade) =>
		studentGenders.map((gender) => [studentField(gender, grade), studentCount()])
	)
) as Record<StudentField, ReturnType<typeof studentCount>>;

export const attendanceFields = {
	teachers: countField(),
	parents: countField(),
	...studentShape
};

/** `version` is the attendance's version the form was built from; 0 before any was recorded. */
export const attendanceSchema = z.object({
	version: z.number().int().min(0),
	...attendanceFields
});

export type AttendanceFormData = z.infer<typeof attendanceSchema>;
export type AttendanceFields = Omit<AttendanceFormData, 'version'>;

/** Valid form fields as counts, for the session's grades only. */
export function countsOf(data: AttendanceFields, grades: readonly number[]): AttendanceCounts {
	return {
		teachers: Number(data.teachers),
		parents: Number(data.parents),
		students: grades.flatMap((grade) =>
			studentGenders.map((gender) => ({
				grade,
				gender,
				students: Number(data[studentField(gender, grade)])
			}))
		)
	};
}

/** A stored count as a form field shows it, in the digits of the page's language. */
export const countText = (n: number, locale = getLocale()): string =>
	locale === 'fa' ? toPersianDigits(String(n)) : String(n);

/** Stored counts (or zeros) as form fields, in the digits of the page's language. */
export function fieldsOf(
	counts: AttendanceCounts | undefined,
	locale = getLocale()
): AttendanceFields {
	const text = (n: number) => countText(n, locale);
	const fields = { teachers: text(0), parents: text(0) } as AttendanceFields;
	for (const grade of allGrades)
		for (const gender of studentGenders) fields[studentField(gender, grade)] = text(0);
	if (!counts) return fields;
	fields.teachers = text(counts.teachers);
	fields.parents = text(counts.parents);
	for (const s of counts.students) fields[studentField(s.gender, s.grade)] = text(s.students);
	return fields;
}
