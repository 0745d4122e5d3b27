import { z } from './z.ts';
import { closureKinds } from '../closures/kinds.ts';
import { dateErrorMessage } from '../i18n/date-errors.ts';
import { parseJalaliDate } from '../i18n/jalali.ts';
import { m } from '../paraglide/messages.js';
import { clockTimeText, wholeNumberText } from './fields.ts';

// Closures and district settings. Dates are typed in Jalali (Persian or Latin digits) and travel
// on as 'YYYY-MM-DD'. Messages are functions so each request gets its own language.

const required = () => m.field_required();
const requiredText = (max: number) => z.string().trim().min(1, { error: required }).max(max);
const optionalId = z.number().int().positive().optional();

export const closureSchema = z
	.object({
		district_id: optionalId,
		kind: z.enum(closureKinds, { error: () => m.closures_kind_required() }),
		school_id: optionalId,
		center_id: optionalId,
		starts_on: requiredText(20),
		ends_on: requiredText(20),
		name_fa: requiredText(150),
		name_en: z.string().trim().max(150).default('')
	})
	.superRefine((data, ctx) => {
		const starts = parseJalaliDate(data.starts_on);
		const ends = parseJalaliDate(data.ends_on);
		if (!starts.ok)
			ctx.addIssue({
				code: 'custom',
				path: ['starts_on'],
				message: dateErrorMessage(starts.error)
			});
		if (!ends.ok)
			ctx.addIssue({ code: 'custom', path: ['ends_on'], message: dateErrorMessage(ends.error) });
		if (starts.ok && ends.ok && ends.date < starts.date)
			ctx.addIssue({ code: 'custom', path: ['ends_on'], message: m.closures_error_date_order() });
	});

export const closureUpdateSchema = closureSchema.safeExtend({
	version: z.number().int().positive()
});

export const closureDeleteSchema = z.object({ version: z.number().int().positive() });

export const generateHolidaysSchema = z.object({
	school_year_id: z.number().int().positive(),
	district_id: optionalId
});

export type ClosureFormData = z.infer<typeof closureSchema>;

/** The form's Jalali dates as ISO dates; call only on data the schema accepted. */
export function closureDatesOf(data: Pick<ClosureFormData, 'starts_on' | 'ends_on'>): {
	starts_on: string;
	ends_on: string;
} {
	const starts = parseJalaliDate(data.starts_on);
	const ends = parseJalaliDate(data.ends_on);
	return { starts_on: starts.ok ? starts.date : '', ends_on: ends.ok ? ends.date : '' };
}

const clockPattern = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const clockTime = clockTimeText(() => m.closures_settings_time_format());

/** The days a district may give a school to answer a proposal (the settings table checks the same). */
export const RESPONSE_DEADLINE_DAYS = { min: 1, max: 30 } as const;

export const settingsSchema = z
	.object({
		district_id: optionalId,
		school_day_starts: clockTime,
		school_day_ends: clockTime,
		response_deadline_days: wholeNumberText(
			RESPONSE_DEADLINE_DAYS.min,
			RESPONSE_DEADLINE_DAYS.max,
			() => m.closures_settings_deadline_range()
		),
		// 0: the district still uses the defaults.
		version: z.number().int().min(0)
	})
	// Compared only when both are times; a malformed one has its own message.
	.refine(
		(s) =>
			!clockPattern.test(s.school_day_starts) ||
			!clockPattern.test(s.school_day_ends) ||
			s.school_day_starts < s.school_day_ends,
		{
			path: ['school_day_ends'],
			error: () => m.closures_settings_day_order()
		}
	);
