import { toLatinDigits } from '../i18n/digits.ts';
import { formatNumber } from '../i18n/format.ts';
import { m } from '../paraglide/messages.js';
import { studentField, studentGenders, type StudentCount } from './counts.ts';
import { ageBandLabel, eventCountLabel, eventCountRows } from './event-counts.ts';

// How head counts are laid out wherever they are typed, shown or tallied (forms, the week page,
// printed sheets): a session's students by grade and gender and its adults; an event's people by
// age band and gender. Each box is named after its count, as the forms post it.

export interface CountBox {
	name: string;
	label: string;
}

export interface CountRow {
	label: string;
	cells: CountBox[];
}

/** A table of counts: a row per grade or age band, a column per gender. */
export interface CountTable {
	caption: string;
	rowHeading: string;
	columns: string[];
	rows: CountRow[];
}

const genderLabels = { girls: m.attendance_girls, boys: m.attendance_boys };

/** A row per grade, «پایهٔ ۷», its boxes «پایهٔ ۷، دختران» and «پایهٔ ۷، پسران». */
function gradeRows(grades: readonly number[]): CountRow[] {
	return grades.map((grade) => ({
		label: m.bell_sessions_grade({ grade: formatNumber(grade) }),
		cells: studentGenders.map((gender) => ({
			name: studentField(gender, grade),
			label: m.attendance_student_label({
				grade: formatNumber(grade),
				gender: genderLabels[gender]()
			})
		}))
	}));
}

/** A session's students. */
export function gradeTable(grades: readonly number[]): CountTable {
	return {
		caption: m.attendance_students_caption(),
		rowHeading: m.bell_sessions_field_grades(),
		columns: studentGenders.map((gender) => genderLabels[gender]()),
		rows: gradeRows(grades)
	};
}

/** Every box of a session: the students of its grades, then teachers and parents. */
export function sessionBoxes(grades: readonly number[]): CountBox[] {
	return [
		...gradeRows(grades).flatMap((row) => row.cells),
		{ name: 'teachers', label: m.attendance_teachers() },
		{ name: 'parents', label: m.attendance_parents() }
	];
}

/** The students typed so far, for the live enrolment warning; what is not a number counts 0. */
export function typedStudents(
	grades: readonly number[],
	textOf: (name: string) => string | undefined
): StudentCount[] {
	return grades.flatMap((grade) =>
		studentGenders.map((gender) => ({
			grade,
			gender,
			students: Number(toLatinDigits(textOf(studentField(gender, grade)) ?? '').trim()) || 0
		}))
	);
}

/** A campaign event's people: a row per age band, its boxes female first. */
export function bandTable(): CountTable {
	return {
		caption: m.attendance_event_caption(),
		rowHeading: m.attendance_event_band(),
		columns: [m.attendance_event_female(), m.attendance_event_male()],
		rows: eventCountRows.map(({ band, fields }) => ({
			label: ageBandLabel(band),
			cells: fields.map((name) => ({ name, label: eventCountLabel(name) }))
		}))
	};
}

/** Every box of a campaign event. */
export const eventBoxes = (): CountBox[] => bandTable().rows.flatMap((row) => row.cells);
