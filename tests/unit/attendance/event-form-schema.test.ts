import { afterEach, describe, expect, it } from 'vitest';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import {
	eventCountFields,
	eventCountLabel,
	eventCountRows
} from '../../../src/lib/attendance/event-counts.ts';
import {
	eventAttendanceSchema,
	eventCountsOf,
	eventFieldsOf
} from '../../../src/lib/schemas/event-attendance.ts';
import { countErrorOf, expectDigitsAccepted, expectMistakesRefused } from './count-boxes.ts';

// Every box of a campaign event's attendance form (adults, youth and children by gender) takes a
// whole number from 0 to 5000, typed with Persian or Latin digits, and says what is wrong with
// anything else, in both languages; a missing box is a mistake too, not a silent 0.

const valid = {
	version: 0,
	adults_women: '۲۰',
	adults_men: '12',
	youth_girls: '۶',
	youth_boys: '5',
	children_girls: '٣',
	children_boys: '0'
};

const errorOf = (field: string, text: string) =>
	countErrorOf(eventAttendanceSchema, valid, field, text);

describe("a campaign event's attendance form", () => {
	afterEach(() => overwriteGetLocale(() => 'fa'));

	it('has the six counts: women and men, girls and boys of the youth and of the children', () => {
		expect(eventCountRows.map((row) => [row.band, row.fields])).toEqual([
			['adults', ['adults_women', 'adults_men']],
			['youth', ['youth_girls', 'youth_boys']],
			['children', ['children_girls', 'children_boys']]
		]);
		expect(eventCountLabel('adults_women')).toBe('زنان (۱۸ سال و بیشتر)');
		overwriteGetLocale(() => 'en');
		expect(eventCountFields.map(eventCountLabel)).toEqual([
			'Women (18 and over)',
			'Men (18 and over)',
			'Girls aged 12 to 17',
			'Boys aged 12 to 17',
			'Girls under 12',
			'Boys under 12'
		]);
	});

	it.each(eventCountFields)('%s: accepts Persian, Arabic-Indic and Latin digits', (field) =>
		expectDigitsAccepted(eventAttendanceSchema, valid, field)
	);

	it.each(eventCountFields)(
		'%s: refuses negative, fractional, huge, non-numeric, empty and missing',
		(field) => expectMistakesRefused(eventAttendanceSchema, valid, field, [undefined])
	);

	it('explains the mistake in English on the English page', () => {
		overwriteGetLocale(() => 'en');
		expect(errorOf('youth_boys', '-3')).toBe('Write a whole number from 0 to 5,000.');
		expect(errorOf('children_girls', '2.5')).toBe('Write a whole number from 0 to 5,000.');
	});

	it('keeps Persian digits through superforms (no NaN) and reads them as numbers', async () => {
		const body = new FormData();
		for (const [name, value] of Object.entries({ ...valid, version: '3' })) body.set(name, value);
		const form = await superValidate(body, zod4(eventAttendanceSchema));
		expect(form.valid).toBe(true);
		expect(form.data.version).toBe(3);
		expect(eventCountsOf(form.data)).toEqual({
			adults_women: 20,
			adults_men: 12,
			youth_girls: 6,
			youth_boys: 5,
			children_girls: 3,
			children_boys: 0
		});
	});

	it('shows stored counts (or zeros) in the digits of the page', () => {
		const counts = eventCountsOf(eventAttendanceSchema.parse(valid));
		expect(eventFieldsOf(counts, 'fa')).toMatchObject({ adults_women: '۲۰', children_boys: '۰' });
		expect(eventFieldsOf(counts, 'en')).toMatchObject({ adults_women: '20', youth_boys: '5' });
		expect(Object.values(eventFieldsOf(undefined, 'fa'))).toEqual(Array(6).fill('۰'));
	});
});
