import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import {
	closureDatesOf,
	closureSchema,
	settingsSchema
} from '../../../src/lib/schemas/closures.ts';

const closureForm = (values: Record<string, unknown>) => ({
	kind: 'exam',
	starts_on: '۱۴۰۵/۱۰/۱۱',
	ends_on: '1405/10/20',
	name_fa: 'امتحانات',
	...values
});

function errorsOf(schema: typeof closureSchema | typeof settingsSchema, data: unknown) {
	const result = schema.safeParse(data);
	return result.success
		? {}
		: Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the closure and settings forms', () => {
	afterEach(() => overwriteGetLocale(() => 'fa'));

	it('read Jalali dates typed with Persian or Latin digits', () => {
		const parsed = closureSchema.parse(closureForm({}));
		expect(closureDatesOf(parsed)).toEqual({ starts_on: '2027-01-01', ends_on: '2027-01-10' });
		expect(parsed.name_en).toBe('');
	});

	it('refuse an end before the start and an impossible or malformed date, in both languages', () => {
		overwriteGetLocale(() => 'fa');
		expect(errorsOf(closureSchema, closureForm({ ends_on: '1405/10/01' }))).toEqual({
			ends_on: 'تاریخ پایان نمی‌تواند پیش از تاریخ شروع باشد.'
		});
		expect(errorsOf(closureSchema, closureForm({ starts_on: '1404/12/30' }))).toEqual({
			starts_on: 'چنین روزی در تقویم وجود ندارد.'
		});
		overwriteGetLocale(() => 'en');
		expect(errorsOf(closureSchema, closureForm({ ends_on: '1405/10/01' }))).toEqual({
			ends_on: 'The end date cannot be before the start date.'
		});
		const malformed = errorsOf(closureSchema, closureForm({ starts_on: '11 Dey' }));
		expect(Object.keys(malformed)).toEqual(['starts_on']);
		expect(malformed.starts_on).not.toMatch(/[\u0600-\u06FF]/);
	});

	it('refuse an unknown kind', () => {
		overwriteGetLocale(() => 'en');
		expect(errorsOf(closureSchema, closureForm({ kind: 'strike' }))).toEqual({
			kind: 'Choose the kind of closure.'
		});
	});

	it('check the school day and the response deadline', () => {
		const settings = (values: Record<string, unknown>) => ({
			school_day_starts: '۰۷:۳۰',
			school_day_ends: '13:30',
			response_deadline_days: '۳',
			version: 0,
			...values
		});
		expect(settingsSchema.parse(settings({}))).toMatchObject({
			school_day_starts: '07:30',
			response_deadline_days: '3'
		});
		overwriteGetLocale(() => 'en');
		expect(errorsOf(settingsSchema, settings({ school_day_ends: '07:00' }))).toEqual({
			school_day_ends: 'The school day must end after it starts.'
		});
		expect(errorsOf(settingsSchema, settings({ school_day_starts: '7.30' }))).toEqual({
			school_day_starts: 'Write the time as HH:MM, e.g. 07:30.'
		});
		for (const days of ['0', '31', '2.5', '۳۱', 'سه', ''])
			expect(errorsOf(settingsSchema, settings({ response_deadline_days: days }))).toEqual({
				response_deadline_days: 'The response deadline must be a whole number from 1 to 30 days.'
			});
		overwriteGetLocale(() => 'fa');
		expect(errorsOf(settingsSchema, settings({ response_deadline_days: '۳۱' }))).toEqual({
			response_deadline_days: 'مهلت پاسخ باید عددی از ۱ تا ۳۰ روز باشد.'
		});
	});
});
