import { z } from './z.ts';
import { campaignAudiences } from '../campaigns/values.ts';
import { dateErrorMessage } from '../i18n/date-errors.ts';
import { parseJalaliDate } from '../i18n/jalali.ts';
import { m } from '../paraglide/messages.js';
import { jalaliDateText, reasonText, startAndDurationFields } from './fields.ts';

// Sunday campaigns as typed: dates in Jalali (Persian or Latin digits), times as HH:MM, numbers
// as text (see fields.ts). The services check the rest (scope, closures, the past).

const required = () => m.field_required();
const id = z.number({ error: required }).int().positive({ error: required });
const version = z.number().int().positive();
const optionalText = (max: number) => z.string().trim().max(max).default('');
const slotFields = { ...startAndDurationFields, place: optionalText(200) };

const ruleFields = {
	title: z.string().trim().min(1, { error: required }).max(150),
	topic_id: id,
	audience: z.enum(campaignAudiences, { error: () => m.campaigns_error_audience_required() }),
	first_date: jalaliDateText,
	last_date: jalaliDateText,
	weekday: z.number().int().min(0).max(6).default(0),
	...slotFields,
	/** 0: no facilitator. */
	facilitator_id: z.number().int().min(0).default(0),
	note: optionalText(1000)
};

type DateFields<K extends string> = Partial<Record<K, string>>;

/** Adds an issue for each named field that is not a real Jalali date (empty ones are let be). */
function checkDates<K extends string>(data: DateFields<K>, fields: K[], ctx: z.RefinementCtx) {
	for (const field of fields) {
		const text = data[field];
		if (!text) continue;
		const date = parseJalaliDate(text);
		if (!date.ok)
			ctx.addIssue({ code: 'custom', path: [field], message: dateErrorMessage(date.error) });
	}
}

function checkRuleDates(
	data: { first_date: string; last_date: string },
	ctx: z.RefinementCtx
): void {
	checkDates(data, ['first_date', 'last_date'], ctx);
	const first = parseJalaliDate(data.first_date);
	const last = parseJalaliDate(data.last_date);
	if (first.ok && last.ok && last.date < first.date)
		ctx.addIssue({ code: 'custom', path: ['last_date'], message: m.campaigns_error_date_order() });
}

/** A new campaign; `keep`, `previewed` and `extra_date` come from the preview step. */
export const newCampaignSchema = z
	.object({
		center_id: id,
		...ruleFields,
		/** The rule's dates left ticked in the preview. */
		keep: z.array(z.string().max(10)).default([]),
		/** The signature of the preview the user saw; empty before the first preview. */
		previewed: z.string().max(5000).default(''),
		extra_date: z.string().trim().max(20).default('')
	})
	.superRefine((data, ctx) => {
		checkRuleDates(data, ctx);
		checkDates(data, ['extra_date'], ctx);
	});

/** A change of a campaign's rule and details (its centre stays). */
export const ruleChangeSchema = z
	.object({ version, ...ruleFields, previewed: z.string().max(20000).default('') })
	.superRefine(checkRuleDates);

/** A date added by hand. */
export const addEventSchema = z
	.object({ date: jalaliDateText, ...slotFields })
	.superRefine((data, ctx) => checkDates(data, ['date'], ctx));

/** Moving one event: its new day, time and place, and why. */
export const moveEventSchema = z
	.object({ event_id: id, version, date: jalaliDateText, ...slotFields, reason: reasonText })
	.superRefine((data, ctx) => checkDates(data, ['date'], ctx));

export const cancelEventSchema = z.object({ event_id: id, version, reason: reasonText });

/** Keeping an event on a day a closure covers. */
export const keepEventSchema = z.object({ event_id: id, version });

/** A typed Jalali date as an ISO date; call only on text the schema accepted. */
export function isoDateOf(text: string): string {
	const date = parseJalaliDate(text);
	return date.ok ? date.date : '';
}
