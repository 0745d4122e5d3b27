import { toJalali } from '../../i18n/jalali.ts';
import { toPersianDigits } from '../../i18n/digits.ts';
import { getLocale } from '../../paraglide/runtime.js';

// Shared by the closures and settings pages.

/** `?district=<id>` if it is one of the admin's districts, else their first; null when none. */
export function chooseDistrict(districtIds: number[], url: URL): number | null {
	const asked = Number(url.searchParams.get('district'));
	return districtIds.includes(asked) ? asked : (districtIds[0] ?? null);
}

/** An ISO date as the Jalali text the date fields accept: «۱۴۰۵/۰۹/۰۵» or "1405/09/05". */
export function jalaliFieldText(isoDate: string, locale = getLocale()): string {
	const { year, month, day } = toJalali(isoDate);
	const text = `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
	return locale === 'fa' ? toPersianDigits(text) : text;
}
