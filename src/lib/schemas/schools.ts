import { z } from './z.ts';
import { tidyText } from '../i18n/tidy-text.ts';
import { toLatinDigits } from '../i18n/digits.ts';
import { formatNumber } from '../i18n/format.ts';
import { m } from '../paraglide/messages.js';
import {
	allGrades,
	gradeField,
	gradesOfLevel,
	schoolGenders,
	schoolLevels,
	type GradeField,
	type SchoolLevelCode
} from '../schools/levels.ts';

/**
 * Text as people type it on Arabic keyboards, in Persian: ي/ى → ی, ك → ک, Arabic-Indic digits
 * → Persian digits, runs of spaces → one space.
 */
/** Codes and counts: any digits → Latin digits, no spaces around. */
export function tidyNumberText(text: string): string {
	return toLatinDigits(text).trim();
}

// Messages are functions so each request gets its own language.
const required = () => m.field_required();
const tooLong = (max: number) => ({ error: () => m.schools_too_long({ max: formatNumber(max) }) });

const text = (max: number) => z.string().overwrite(tidyText).max(max, tooLong(max)).default('');

const students = z
	.string()
	.overwrite(tidyNumberText)
	.regex(/^\d{0,5}$/, { error: () => m.schools_grade_invalid() })
	.default('');

const gradeShape = Object.fromEntries(allGrades.map((g) => [gradeField(g), students])) as Record<
	GradeField,
	typeof students
>;

const schoolFields = z.object({
	ministry_code: z
		.string({ error: required })
		.overwrite(tidyNumberText)
		.min(1, { error: required, abort: true })
		.regex(/^\d{1,20}$/, { error: () => m.schools_ministry_code_invalid() }),
	name: z
		.string({ error: required })
		.overwrite(tidyText)
		.min(1, { error: required, abort: true })
		.max(200, tooLong(200)),
	level: z.enum(schoolLevels, { error: required }),
	gender: z.enum(schoolGenders, { error: required }),
	neighborhood_id: z.coerce.number({ error: required }).int().positive({ error: required }),
	address: text(300),
	principal_name: text(100),
	phone: z
		.string()
		.overwrite(tidyNumberText)
		.max(30, tooLong(30))
		.regex(/^[0-9+\-\s()]*$/, { error: () => m.schools_phone_invalid() })
		.default(''),
	...gradeShape
});

export type SchoolFields = z.infer<typeof schoolFields>;

export function gradeOutsideLevelMessage(level: SchoolLevelCode): string {
	const taught = gradesOfLevel[level];
	return m.schools_grade_outside_level({
		first: formatNumber(taught[0]!),
		last: formatNumber(taught.at(-1)!)
	});
}

// A grade outside the school's level would count students the school does not teach.
function gradesMatchLevel(v: SchoolFields, ctx: z.RefinementCtx) {
	const taught = gradesOfLevel[v.level];
	if (!taught) return;
	for (const grade of allGrades) {
		const field = gradeField(grade);
		if (v[field] !== '' && !taught.includes(grade))
			ctx.addIssue({ code: 'custom', path: [field], message: gradeOutsideLevelMessage(v.level) });
	}
}

export const schoolSchema = schoolFields.superRefine(gradesMatchLevel);

export const schoolUpdateSchema = schoolFields
	.extend({ version: z.coerce.number().int() })
	.superRefine(gradesMatchLevel);

export type SchoolInput = z.infer<typeof schoolSchema>;

export type SchoolUpdateInput = z.infer<typeof schoolUpdateSchema>;
