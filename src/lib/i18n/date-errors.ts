import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import type { DateParseResult } from './jalali.ts';

type DateError = Extract<DateParseResult, { ok: false }>['error'];

// Named, not `m[error]`: a computed key keeps every message of the app in the browser's bundle of
// each form that checks a date (~25 KB gzip).
const messages: Record<DateError, typeof m.date_format> = {
	date_format: m.date_format,
	date_nonexistent: m.date_nonexistent
};

/** The message shown when a typed date is refused. */
export function dateErrorMessage(error: DateError, locale?: Locale): string {
	return messages[error]({}, locale ? { locale } : undefined);
}
