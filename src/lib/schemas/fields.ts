import { z } from 'zod';
import { toLatinDigits } from '../i18n/digits.ts';

// Form fields typed with Persian or Latin digits. They stay text in the form: superforms would
// turn "۴۵" into NaN before any schema saw it, so the text is checked here and read as a number
// with `Number()` once valid.

export const latinDigits = (text: string) => toLatinDigits(text).trim();

/** A whole number from min to max, e.g. «۴۵» or "45". */
export function wholeNumberText(min: number, max: number, message: () => string) {
	return z
		.string({ error: message })
		.overwrite(latinDigits)
		.refine((text) => /^\d{1,9}$/.test(text) && Number(text) >= min && Number(text) <= max, {
			error: message
		});
}

const clockPattern = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A time of day as HH:MM, e.g. «۰۸:۳۰». */
export function clockTimeText(message: () => string) {
	return z
		.string({ error: message })
		.overwrite(latinDigits)
		.regex(clockPattern, { error: message });
}
