import { describe, expect, it } from 'vitest';
import { enrolmentWarnings, type StudentCount } from '../../../src/lib/attendance/counts.ts';

// More students present in a grade (girls and boys together) than the school enrols is warned
// about, grade by grade; equal is fine, and a grade without enrolment figures is not judged.

const enrolment = [
	{ grade: 10, students: 40 },
	{ grade: 11, students: 52 }
];
const present = (grade: number, girls: number, boys: number): StudentCount[] => [
	{ grade, gender: 'girls', students: girls },
	{ grade, gender: 'boys', students: boys }
];

describe('the enrolment warning', () => {
	it('warns when both genders together exceed the grade’s enrolment', () => {
		expect(enrolmentWarnings([...present(10, 30, 11), ...present(11, 52, 0)], enrolment)).toEqual([
			{ grade: 10, students: 41, enrolled: 40 }
		]);
	});

	it('is quiet at the enrolment exactly and below it', () => {
		expect(enrolmentWarnings([...present(10, 40, 0), ...present(11, 20, 1)], enrolment)).toEqual(
			[]
		);
	});

	it('does not judge a grade the school has no enrolment figure for', () => {
		expect(enrolmentWarnings(present(12, 500, 500), enrolment)).toEqual([]);
	});

	it('lists every grade over its enrolment, in grade order', () => {
		expect(enrolmentWarnings([...present(11, 60, 0), ...present(10, 41, 0)], enrolment)).toEqual([
			{ grade: 10, students: 41, enrolled: 40 },
			{ grade: 11, students: 60, enrolled: 52 }
		]);
	});
});
