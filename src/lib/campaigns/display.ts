import { toPersianDigits } from '../i18n/digits.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { getLocale, type Locale } from '../paraglide/runtime.js';
import { m } from '../paraglide/messages.js';
import type { CampaignAudience, CampaignEventStatus } from '../server/db/schema.ts';

// How a campaign's audience, weekday and events' states read on every page and in feeds.

type Label = (inputs: object, options: { locale: Locale }) => string;

const audienceLabels: Record<CampaignAudience, Label> = {
	public: m.campaigns_audience_public,
	adults: m.campaigns_audience_adults,
	youth: m.campaigns_audience_youth,
	children: m.campaigns_audience_children,
	families: m.campaigns_audience_families
};

export function campaignAudienceLabel(audience: CampaignAudience, locale = getLocale()): string {
	return audienceLabels[audience]({}, { locale });
}

const statusLabels: Record<CampaignEventStatus, Label> = {
	scheduled: m.campaigns_status_scheduled,
	cancelled: m.campaigns_status_cancelled,
	held: m.campaigns_status_held
};

export function campaignEventStatusLabel(
	status: CampaignEventStatus,
	locale = getLocale()
): string {
	return statusLabels[status]({}, { locale });
}

// 0 = Sunday ... 6 = Saturday.
const weekdayLabels: Label[] = [
	m.campaigns_weekday_0,
	m.campaigns_weekday_1,
	m.campaigns_weekday_2,
	m.campaigns_weekday_3,
	m.campaigns_weekday_4,
	m.campaigns_weekday_5,
	m.campaigns_weekday_6
];

export function weekdayLabel(weekday: number, locale = getLocale()): string {
	return weekdayLabels[weekday]?.({}, { locale }) ?? '';
}

/** «هر یکشنبه، ساعت ۱۶:۰۰، ۹۰ دقیقه». */
export function campaignSchedule(rule: {
	weekday: number;
	start_time: string;
	duration_minutes: number;
}): string {
	const locale = getLocale();
	return m.campaigns_schedule({
		weekday: weekdayLabel(rule.weekday, locale),
		time: locale === 'fa' ? toPersianDigits(rule.start_time) : rule.start_time,
		minutes: formatNumber(rule.duration_minutes, locale)
	});
}

/** «۵ آذر ۱۴۰۵ تا ۳۰ خرداد ۱۴۰۶». */
export function campaignPeriod(rule: { first_date: string; last_date: string }): string {
	return m.campaigns_period({
		first: formatDate(rule.first_date),
		last: formatDate(rule.last_date)
	});
}
