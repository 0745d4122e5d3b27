import { toPersianDigits } from '$lib/i18n/digits';
import { getLocale } from '$lib/paraglide/runtime';

/** A ministry code in the page's digits; it is an identifier, so never grouped like a number. */
export function displayCode(code: string): string {
	return getLocale() === 'fa' ? toPersianDigits(code) : code;
}
