import { fromJalali, toJalali } from '../../i18n/jalali.ts';

// The official holidays fixed in the Solar Hijri calendar (month 1 = Farvardin). Copied from
// `fixed_closures_solar` in src/lib/server/demo/district14.json (itself a copy of
// ../shared/data/district14.json); a unit test keeps the two equal. Lunar holidays move every
// year and are entered by hand.
export const fixedSolarHolidays = [
	{ month: 1, days: [1, 2, 3, 4], name_fa: 'نوروز', name_en: 'Nowruz' },
	{ month: 1, days: [12], name_fa: 'روز جمهوری اسلامی', name_en: 'Islamic Republic Day' },
	{ month: 1, days: [13], name_fa: 'روز طبیعت', name_en: 'Nature Day' },
	{ month: 3, days: [14], name_fa: 'رحلت امام خمینی', name_en: 'Death of Imam Khomeini' },
	{ month: 3, days: [15], name_fa: 'قیام ۱۵ خرداد', name_en: '15 Khordad uprising' },
	{ month: 11, days: [22], name_fa: 'پیروزی انقلاب اسلامی', name_en: 'Revolution Day' },
	{ month: 12, days: [29], name_fa: 'ملی شدن صنعت نفت', name_en: 'Oil Nationalization Day' }
];

export interface HolidaySpan {
	starts_on: string;
	ends_on: string;
	name_fa: string;
	name_en: string;
}

/** Runs of consecutive days, e.g. [1, 2, 3, 4, 6] → [[1, 4], [6, 6]]. */
function consecutiveRuns(days: number[]): [number, number][] {
	const runs: [number, number][] = [];
	for (const day of [...days].sort((a, b) => a - b)) {
		const last = runs.at(-1);
		if (last && day === last[1] + 1) last[1] = day;
		else runs.push([day, day]);
	}
	return runs;
}

/**
 * The fixed holidays of the school year starting on `schoolYearStartsOn` (1 Mehr): Mehr–Esfand
 * fall in its first Jalali year, Farvardin–Shahrivar in the next. Days that do not exist in a
 * given year are skipped (none of the listed ones: Esfand 29 exists every year).
 */
export function fixedHolidaysOfSchoolYear(schoolYearStartsOn: string): HolidaySpan[] {
	const startYear = toJalali(schoolYearStartsOn).year;
	const spans: HolidaySpan[] = [];
	for (const holiday of fixedSolarHolidays) {
		const year = holiday.month >= 7 ? startYear : startYear + 1;
		for (const [first, last] of consecutiveRuns(holiday.days)) {
			const starts = fromJalali({ year, month: holiday.month, day: first });
			const ends = fromJalali({ year, month: holiday.month, day: last });
			if (starts && ends)
				spans.push({
					starts_on: starts,
					ends_on: ends,
					name_fa: holiday.name_fa,
					name_en: holiday.name_en
				});
		}
	}
	return spans.sort((a, b) => a.starts_on.localeCompare(b.starts_on));
}
