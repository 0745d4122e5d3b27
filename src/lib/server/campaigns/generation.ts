import { getDayOfWeek, parseDate } from '@internationalized/date';
import type { ClosureKind } from '../db/schema.ts';

// The dates of a campaign's rule: every given weekday from the first date to the last, through
// @internationalized/date (no calendar arithmetic by hand), the days a closure covers skipped and
// named. Pure: the caller brings the closures.

export interface DateRule {
	/** Inclusive 'YYYY-MM-DD'. */
	first_date: string;
	last_date: string;
	/** 0 = Sunday ... 6 = Saturday. */
	weekday: number;
}

export interface ClosureSpan {
	id: number;
	kind: ClosureKind;
	center_id: number | null;
	/** Inclusive 'YYYY-MM-DD'. */
	starts_on: string;
	ends_on: string;
	name_fa: string;
	name_en: string;
}

export interface SkippedDate {
	date: string;
	closure: Pick<ClosureSpan, 'id' | 'name_fa' | 'name_en'>;
}

export interface GeneratedDates {
	/** In order. */
	dates: string[];
	skipped: SkippedDate[];
}

/** 0 = Sunday ... 6 = Saturday, whatever the locale's first day of the week. */
export function weekdayOf(date: string): number {
	return getDayOfWeek(parseDate(date), 'en-US');
}

/**
 * Whether a closure closes a centre: the district's holidays and exam periods and the centre's
 * own closed days do; a school's closed day does not.
 */
export function closesCenter(closure: Pick<ClosureSpan, 'kind' | 'center_id'>, centerId: number) {
	return (
		closure.kind === 'holiday' ||
		closure.kind === 'exam' ||
		(closure.kind === 'center' && closure.center_id === centerId)
	);
}

/** The first of `closures` covering `date`, if any. */
export function closureOn<C extends Pick<ClosureSpan, 'starts_on' | 'ends_on'>>(
	date: string,
	closures: readonly C[]
): C | undefined {
	return closures.find((c) => c.starts_on <= date && c.ends_on >= date);
}

/** Every date of the rule in order; those on a day one of `closures` covers are skipped, named. */
export function generateCampaignDates(
	rule: DateRule,
	closures: readonly ClosureSpan[]
): GeneratedDates {
	const last = parseDate(rule.last_date);
	const first = parseDate(rule.first_date);
	const dates: string[] = [];
	const skipped: SkippedDate[] = [];
	const ahead = (rule.weekday - weekdayOf(rule.first_date) + 7) % 7;
	for (let day = first.add({ days: ahead }); day.compare(last) <= 0; day = day.add({ weeks: 1 })) {
		const date = day.toString();
		const closure = closureOn(date, closures);
		if (closure)
			skipped.push({
				date,
				closure: { id: closure.id, name_fa: closure.name_fa, name_en: closure.name_en }
			});
		else dates.push(date);
	}
	return { dates, skipped };
}
