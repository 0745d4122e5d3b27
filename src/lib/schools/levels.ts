// Schools' levels, genders and grades, apart from the zod schemas (`schemas/schools.ts`) so that
// pages listing them do not ship zod to the browser.

export const schoolLevels = ['primary', 'lower_secondary', 'upper_secondary'] as const;
export const schoolGenders = ['boys', 'girls'] as const;
export type SchoolLevelCode = (typeof schoolLevels)[number];

export const allGrades = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type Grade = (typeof allGrades)[number];
export type GradeField = `grade_${Grade}`;

/** The grades a school of each level teaches. */
export const gradesOfLevel: Record<SchoolLevelCode, readonly Grade[]> = {
	primary: [1, 2, 3, 4, 5, 6],
	lower_secondary: [7, 8, 9],
	upper_secondary: [10, 11, 12]
};

export const gradeField = (grade: Grade): GradeField => `grade_${grade}`;
