import { describe, expect, it } from 'vitest';
import { m } from '../../../src/lib/paraglide/messages.js';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import { tidyText } from '../../../src/lib/i18n/tidy-text.ts';
import { schoolSchema } from '../../../src/lib/schemas/schools.ts';
import { schoolInput } from './fixtures.ts';

function fieldErrors(input: unknown): Record<string, string> {
	const result = schoolSchema.safeParse(input);
	const errors: Record<string, string> = {};
	for (const issue of result.error?.issues ?? []) errors[String(issue.path[0])] ??= issue.message;
	return errors;
}

describe('school form rules', () => {
	it('accepts a valid school and normalises Persian digits and Arabic letters', () => {
		const result = schoolSchema.parse(
			schoolInput(1, {
				ministry_code: ' ۱۴۱۹۹۰۰۱ ',
				name: 'دبستان  علي   كوچك',
				grade_1: '۳۰',
				grade_2: '٢٥',
				phone: '۰۲۱-۳۳۴۴۱۰۰۰'
			})
		);
		expect(result.ministry_code).toBe('14199001');
		expect(result.name).toBe('دبستان علی کوچک');
		expect(result.grade_1).toBe('30');
		expect(result.grade_2).toBe('25');
		expect(result.phone).toBe('021-33441000');
	});

	it('keeps digits in names Persian', () => {
		expect(tidyText('دبستان ١٢ فروردين')).toBe('دبستان ۱۲ فروردین');
	});

	it('requires the ministry code, name, level, gender and neighbourhood', () => {
		const errors = fieldErrors({
			ministry_code: '',
			name: ' ',
			level: '',
			gender: '',
			neighborhood_id: ''
		});
		for (const field of ['ministry_code', 'name', 'level', 'gender', 'neighborhood_id'])
			expect(errors[field], field).toBe(m.field_required());
	});

	it('refuses a ministry code that is not digits', () => {
		expect(fieldErrors(schoolInput(1, { ministry_code: '14-AB' })).ministry_code).toBe(
			m.schools_ministry_code_invalid()
		);
	});

	it('refuses enrolment that is not a whole non-negative number', () => {
		for (const value of ['-3', '2.5', 'سی', '1e3']) {
			expect(fieldErrors(schoolInput(1, { grade_1: value })).grade_1, value).toBe(
				m.schools_grade_invalid()
			);
		}
	});

	it('refuses grades outside the level, for every level', () => {
		expect(Object.keys(fieldErrors(schoolInput(1, { grade_7: '10' })))).toEqual(['grade_7']);
		const lower = schoolInput(1, { level: 'lower_secondary', grade_7: '20', grade_9: '0' });
		expect(Object.keys(fieldErrors(lower)).sort()).toEqual(['grade_1', 'grade_2']);
		const upper = schoolInput(1, {
			level: 'upper_secondary',
			grade_1: '',
			grade_2: '',
			grade_10: '1',
			grade_12: '3'
		});
		expect(fieldErrors(upper)).toEqual({});
		expect(fieldErrors({ ...upper, grade_9: '4' }).grade_9).toBe(
			'این پایه در مقطع مدرسه نیست (پایه‌های ۱۰ تا ۱۲): خالی‌اش بگذارید.'
		);
	});

	it('explains errors in the language of the request', () => {
		try {
			overwriteGetLocale(() => 'en');
			const errors = fieldErrors(
				schoolInput(1, { ministry_code: 'x', grade_8: '5', grade_1: '-1' })
			);
			expect(errors.ministry_code).toBe('The ministry code is digits only, e.g. 14100001.');
			expect(errors.grade_1).toBe('Write the number of students as a whole number (0 or more).');
			expect(fieldErrors(schoolInput(1, { grade_8: '5' })).grade_8).toBe(
				"This grade is not taught at the school's level (grades 1 to 6): leave it blank."
			);
			expect(fieldErrors({ ...schoolInput(1), name: '' }).name).toBe('This field is required.');
			overwriteGetLocale(() => 'fa');
			expect(fieldErrors(schoolInput(1, { grade_1: '-1' })).grade_1).toBe(
				'شمار دانش‌آموزان را با عدد صحیح (۰ یا بیشتر) بنویسید.'
			);
			expect(fieldErrors({ ...schoolInput(1), name: 'ا'.repeat(201) }).name).toBe(
				'حداکثر ۲۰۰ نویسه.'
			);
		} finally {
			overwriteGetLocale(() => 'fa');
		}
	});
});
