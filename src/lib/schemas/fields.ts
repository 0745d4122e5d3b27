import { z } from './z.ts';
import { toLatinDigits } from '../i18n/digits.ts';
import { m } from '../paraglide/messages.js';

// Form fields shared by several forms. Numbers and times typed with Persian or Latin digits stay
// text in the form: superforms would turn "۴۵" into NaN before any schema saw it, so the text is
// checked here and read as a number with `Number()` once valid.

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

const required = () => m.field_required();

/** A typed Jalali date; the form's own refinement checks it is a real day. */
export const jalaliDateText = z
	.string({ error: required })
	.trim()
	.min(1, { error: required })
	.max(20);

export const MIN_DURATION = 15;
export const MAX_DURATION = 240;

/** When a bell session or a campaign event starts and how long it lasts. */
export const startAndDurationFields = {
	start_time: clockTimeText(() => m.field_start_time_invalid()),
	duration_minutes: wholeNumberText(MIN_DURATION, MAX_DURATION, () => m.field_duration_invalid())
};

export const REASON_MAX = 500;

/** Why a session is declined or cancelled, or a campaign event moved or cancelled. */
export const reasonText = z
	.string({ error: () => m.field_reason_required() })
	.trim()
	.min(1, { error: () => m.field_reason_required() })
	.max(REASON_MAX, { error: () => m.field_reason_long() });
