import { expect } from 'vitest';
import type { z } from 'zod';

// What every head-count box takes and refuses, the same on a session's form and an event's:
// whole numbers from 0 to 5000 in Persian, Arabic-Indic or Latin digits; nothing else.

export const COUNT_ERROR = 'یک عدد صحیح از ۰ تا ۵٬۰۰۰ بنویسید.';

/** The form `valid` with `field` typed as each accepted text reads it as the number. */
export function expectDigitsAccepted(
	schema: z.ZodType<Record<string, unknown>>,
	valid: Record<string, unknown>,
	field: string
): void {
	for (const [typed, read] of [
		['۴۵', '45'],
		['٤٥', '45'],
		['45', '45'],
		[' ۱۲۰ ', '120'],
		['0', '0'],
		['۵۰۰۰', '5000']
	])
		expect([typed, schema.parse({ ...valid, [field]: typed })[field]]).toEqual([typed, read]);
}

/** The error of `field` when typed as `text`, if any. */
export function countErrorOf(
	schema: z.ZodType<Record<string, unknown>>,
	valid: Record<string, unknown>,
	field: string,
	text: string | undefined
): string | undefined {
	const result = schema.safeParse({ ...valid, [field]: text });
	return result.success ? undefined : result.error.issues.find((i) => i.path[0] === field)?.message;
}

/** Negative, fractional, huge, non-numeric and empty texts are refused with the count's error. */
export function expectMistakesRefused(
	schema: z.ZodType<Record<string, unknown>>,
	valid: Record<string, unknown>,
	field: string,
	more: (string | undefined)[] = []
): void {
	const bad = ['-1', '۲.۵', '2,5', '2.5', '5001', '99999999999', 'abc', 'ده', '1e3', '', ...more];
	for (const text of bad)
		expect([field, text, countErrorOf(schema, valid, field, text)]).toEqual([
			field,
			text,
			COUNT_ERROR
		]);
}
