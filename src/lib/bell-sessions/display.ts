import { audienceLabel } from '../catalogue/labels.ts';
import { formatDate, formatNumber, formatTime } from '../i18n/format.ts';
import { getLocale, type Locale } from '../paraglide/runtime.js';
import { m } from '../paraglide/messages.js';
import type { BellSessionAudience } from '../server/db/schema.ts';

// How a session's time and audience read on every page.

/** «سه‌شنبه ۱۰ آذر ۱۴۰۵، ۰۸:۰۰ تا ۰۹:۰۰». */
export function sessionWhen(session: { date: string; starts_at: string; ends_at: string }): string {
	const separator = getLocale() === 'fa' ? '، ' : ', ';
	const range = m.bell_sessions_time_range({
		start: formatTime(session.starts_at),
		end: formatTime(session.ends_at)
	});
	return `${formatDate(session.date, 'full')}${separator}${range}`;
}

/** «دانش‌آموزان (پایهٔ ۷، ۸، ۹)», «والدین». */
export function sessionAudience(
	session: { audience: BellSessionAudience; grades: string | null },
	locale: Locale = getLocale()
): string {
	const audience = audienceLabel(session.audience, locale);
	if (!session.grades) return audience;
	const separator = locale === 'fa' ? '، ' : ', ';
	const grades = session.grades
		.split(',')
		.map((g) => formatNumber(Number(g), locale))
		.join(separator);
	return `${audience} (${m.bell_sessions_grades_value({ grades }, { locale })})`;
}
