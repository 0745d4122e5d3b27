import { toPersianDigits } from '$lib/i18n/digits';
import { getLocale } from '$lib/paraglide/runtime';

/** Phones are stored with Latin digits; Persian pages show them with Persian digits. */
export function phoneText(phone: string | null): string {
	if (!phone) return '';
	return getLocale() === 'fa' ? toPersianDigits(phone) : phone;
}
