import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import type { DateParseResult } from './jalali.ts';

type DateError = Extract<DateParseResult, { ok: false }>['error'];

/** The message shown when a typed date is refused. */
export function dateErrorMessage(error: DateError, locale?: Locale): string {
	return m[error]({}, locale ? { locale } : undefined);
}
