import { z } from './z.ts';
import { toLatinDigits } from '../i18n/digits.ts';
import { m } from '../paraglide/messages.js';

// Messages are functions so each request gets its own language.
const required = () => m.field_required();
const tooLong = () => m.directory_too_long();

const name = z
	.string({ error: required })
	.trim()
	.min(1, { error: required })
	.max(100, { error: tooLong });
const optionalText = (max: number) => z.string().trim().max(max, { error: tooLong }).default('');
const chosenId = z.coerce.number({ error: required }).int().positive({ error: required });
const version = z.coerce.number().int();

/**
 * Whole numbers typed with Persian, Arabic or Latin digits stay text in the form (so the form
 * shows what was typed); `toInteger` reads them once they are valid.
 */
function digitText(pattern: RegExp, invalid: () => string) {
	return z
		.string({ error: required })
		.trim()
		.min(1, { error: required })
		.refine((v) => pattern.test(toLatinDigits(v)), { error: invalid });
}

export function toInteger(text: string): number {
	return Number.parseInt(toLatinDigits(text.trim()), 10);
}

// Phone numbers as people write them: digits (any script), spaces, dashes, parentheses, a plus.
const phone = z
	.string()
	.trim()
	.max(30, { error: tooLong })
	.refine((v) => v === '' || /^\+?[0-9\s()-]{3,}$/.test(toLatinDigits(v)), {
		error: () => m.directory_phone_invalid()
	})
	.default('');

const areaFields = {
	number: digitText(/^[0-9]{1,3}$/, () => m.directory_area_number_invalid()),
	name_fa: name,
	name_en: name
};

export const newAreaSchema = z.object({ ...areaFields, district_id: chosenId });
export const areaUpdateSchema = z.object({ ...areaFields, version });

const neighborhoodFields = { name_fa: name, name_en: name, area_id: chosenId };

export const newNeighborhoodSchema = z.object({
	...neighborhoodFields,
	// Empty: the centre is named after the neighbourhood («سرای محله ...»).
	center_name: optionalText(100),
	center_address: optionalText(300),
	center_phone: phone
});
export const neighborhoodUpdateSchema = z.object({ ...neighborhoodFields, version });

export const centerUpdateSchema = z.object({
	name,
	address: optionalText(300),
	phone,
	manager_ids: z.array(z.coerce.number().int().positive()).default([]),
	version
});

export const newSchoolYearSchema = z.object({
	start_year: digitText(/^1[0-9]{3}$/, () => m.school_years_start_year_invalid())
});

export const makeCurrentSchema = z.object({ id: chosenId, version });

export type NewAreaForm = z.infer<typeof newAreaSchema>;
export type AreaUpdateForm = z.infer<typeof areaUpdateSchema>;
export type NewNeighborhoodForm = z.infer<typeof newNeighborhoodSchema>;
export type NeighborhoodUpdateForm = z.infer<typeof neighborhoodUpdateSchema>;
export type CenterUpdateForm = z.infer<typeof centerUpdateSchema>;
