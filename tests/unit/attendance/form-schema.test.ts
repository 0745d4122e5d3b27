import { afterEach, describe, expect, it } from 'vitest';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { studentField } from '../../../src/lib/attendance/counts.ts';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import { attendanceSchema, countsOf, fieldsOf } from '../../../src/lib/schemas/attendance.ts';
import { allGrades } from '../../../src/lib/schools/levels.ts';
import { countErrorOf, expectDigitsAccepted, expectMistakesRefused } from './count-boxes.ts';

// Every box of the attendance form takes a whole number from 0 to 5000, typed with Persian or
// Latin digits, and says what is wrong with anything else, in both languages.

const valid = { version: 0, teachers: '۳', parents: '0', girls_10: '۲۵', boys_10: '0' };
// Every box: teachers, parents, and girls and boys of every grade from 1 to 12.
const fields = [
	'teachers',
	'parents',
	...allGrades.flatMap((g) => [studentField('girls', g), studentField('boys', g)])
];

const errorOf = (field: string, text: string) => countErrorOf(attendanceSchema, valid, field, text);

describe('the attendance form', () => {
	afterEach(() => overwriteGetLocale(() => 'fa'));

	it.each(fields)('%s: accepts Persian, Arabic-Indic and Latin digits', (field) =>
		expectDigitsAccepted(attendanceSchema, valid, field)
	);

	it.each(fields)('%s: refuses negative, fractional, huge, non-numeric and empty', (field) =>
		expectMistakesRefused(attendanceSchema, valid, field)
	);

	it('explains the mistake in English on the English page', () => {
		overwriteGetLocale(() => 'en');
		expect(errorOf('teachers', '-3')).toBe('Write a whole number from 0 to 5,000.');
		expect(errorOf('girls_10', '2.5')).toBe('Write a whole number from 0 to 5,000.');
	});

	it('keeps Persian digits through superforms (no NaN) and reads them as numbers', async () => {
		const body = new FormData();
		for (const [name, value] of Object.entries({ ...valid, version: '0', boys_11: '۷' }))
			body.set(name, value);
		const form = await superValidate(body, zod4(attendanceSchema));
		expect(form.valid).toBe(true);
		// Boxes the form did not show (grades the session is not for) read as 0.
		expect(form.data.girls_12).toBe('0');
		expect(countsOf(form.data, [10, 11])).toEqual({
			teachers: 3,
			parents: 0,
			students: [
				{ grade: 10, gender: 'girls', students: 25 },
				{ grade: 10, gender: 'boys', students: 0 },
				{ grade: 11, gender: 'girls', students: 0 },
				{ grade: 11, gender: 'boys', students: 7 }
			]
		});
	});

	it('fills the form with stored counts in the page language’s digits', () => {
		const stored = {
			teachers: 2,
			parents: 14,
			students: [{ grade: 10, gender: 'girls' as const, students: 31 }]
		};
		expect(fieldsOf(stored, 'fa')).toMatchObject({
			teachers: '۲',
			parents: '۱۴',
			[studentField('girls', 10)]: '۳۱',
			[studentField('boys', 10)]: '۰'
		});
		expect(fieldsOf(undefined, 'en')).toMatchObject({ teachers: '0', girls_10: '0' });
	});
});
