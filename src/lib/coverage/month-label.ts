import { getLocale, type Locale } from '../paraglide/runtime.js';

// The coverage trend runs by Jalali month in both languages: «مهر ۱۴۰۵», "Mehr 1405".

const formats = new Map<Locale, Intl.DateTimeFormat>();

export function jalaliMonthLabel(isoDate: string, locale: Locale = getLocale()): string {
	let format = formats.get(locale);
	if (!format) {
		const tag = locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB-u-ca-persian';
		format = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' });
		formats.set(locale, format);
	}
	const parts = format.formatToParts(new Date(`${isoDate}T12:00:00Z`));
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('month')} ${part('year')}`;
}

/** Just the month, for a chart's axis: «مهر», "Mehr". */
export function jalaliMonthName(isoDate: string, locale: Locale = getLocale()): string {
	return jalaliMonthLabel(isoDate, locale).split(' ')[0]!;
}
