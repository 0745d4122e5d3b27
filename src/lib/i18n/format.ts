import { getLocale, type Locale } from '../paraglide/runtime.js';
import { toPersianDigits } from './digits.ts';
import { COUNT_CAP } from '../counts.ts';
import { m } from '../paraglide/messages.js';
import { TIME_ZONE, toJalali } from './jalali.ts';

// The one place dates, times and numbers become text. Persian: Solar Hijri calendar and
// Persian digits; English: Gregorian. Always in the district's time zone.

const intlLocale: Record<Locale, string> = { fa: 'fa-IR-u-ca-persian', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions, timeZone: string) {
	const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone });
		cache.set(key, format);
	}
	return format;
}

// A 'YYYY-MM-DD' date is a calendar day, not an instant: format it at UTC noon in UTC.
function dateOnly(isoDate: string): Date {
	return new Date(`${isoDate}T12:00:00Z`);
}

export type DateStyle = 'short' | 'long' | 'full';

/** «۵ آذر ۱۴۰۵», «پنجشنبه ۵ آذر ۱۴۰۵», «۱۴۰۵/۹/۵»; in English «26 November 2026»... */
export function formatDate(isoDate: string, style: DateStyle = 'long', locale = getLocale()) {
	const date = dateOnly(isoDate);
	if (style === 'full' && locale === 'fa') {
		// ICU's full pattern for fa reads «۱۴۰۵ آذر ۵, پنجشنبه»; people write weekday then date.
		const weekday = dateTimeFormat(locale, { weekday: 'long' }, 'UTC').format(date);
		return `${weekday} ${dateTimeFormat(locale, { dateStyle: 'long' }, 'UTC').format(date)}`;
	}
	return dateTimeFormat(locale, { dateStyle: style }, 'UTC').format(date);
}

/** Month and year as people say it: «آذر ۱۴۰۵», «November 2026». */
export function formatMonthYear(isoDate: string, locale = getLocale()): string {
	const parts = dateTimeFormat(locale, { year: 'numeric', month: 'long' }, 'UTC').formatToParts(
		dateOnly(isoDate)
	);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('month')} ${part('year')}`;
}

/** An instant's wall-clock time in Tehran: «۱۱:۳۰». */
export function formatTime(instant: string | Date, locale = getLocale()): string {
	return dateTimeFormat(
		locale,
		{ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
		TIME_ZONE
	).format(new Date(instant));
}

/** An instant as date and time in Tehran. */
export function formatDateTime(instant: string | Date, locale = getLocale()): string {
	return dateTimeFormat(
		locale,
		{ dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' },
		TIME_ZONE
	).format(new Date(instant));
}

// Building a NumberFormat costs far more than using one: one per language.
const numberFormats: Record<Locale, Intl.NumberFormat> = {
	fa: new Intl.NumberFormat('fa-IR'),
	en: new Intl.NumberFormat('en-GB')
};

export function formatNumber(value: number, locale = getLocale()): string {
	return numberFormats[locale].format(value);
}

/** An ISO date as the Jalali text the date fields accept: «۱۴۰۵/۰۹/۰۵» or "1405/09/05". */
export function jalaliFieldText(isoDate: string, locale = getLocale()): string {
	const { year, month, day } = toJalali(isoDate);
	const text = `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
	return locale === 'fa' ? toPersianDigits(text) : text;
}

/** A count made up to a cap (see countUpTo): «۱۲», or «بیش از ۱٬۰۰۰» beyond the cap. */
export function formatCappedCount(total: number, cap = COUNT_CAP, locale = getLocale()): string {
	return total > cap
		? m.count_more_than({ count: formatNumber(cap, locale) }, { locale })
		: formatNumber(total, locale);
}

/** A local 'HH:MM' clock time as written: «۱۶:۰۰», "16:00". */
export function formatClock(time: string, locale = getLocale()): string {
	return locale === 'fa' ? toPersianDigits(time) : time;
}
