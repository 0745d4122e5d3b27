import { z } from './z.ts';
import { bellSessionAudiences } from '../bell-sessions/values.ts';
import { dateErrorMessage } from '../i18n/date-errors.ts';
import { parseJalaliDate } from '../i18n/jalali.ts';
import { m } from '../paraglide/messages.js';
import { jalaliDateText, reasonText, startAndDurationFields, wholeNumberText } from './fields.ts';

// A session proposal as typed: the date in Jalali (Persian or Latin digits), the start time as
// HH:MM. The service checks the rest (pairing, closures, hours, overlaps).

const required = () => m.field_required();
const id = z.number({ error: required }).int().positive({ error: required });
const optionalText = (max: number) => z.string().trim().max(max).default('');

const slotFields = { date: jalaliDateText, ...startAndDurationFields };

function checkJalaliDate(data: { date: string }, ctx: z.RefinementCtx) {
	const date = parseJalaliDate(data.date);
	if (!date.ok)
		ctx.addIssue({ code: 'custom', path: ['date'], message: dateErrorMessage(date.error) });
}

/** The school is the neighbourhood's paired school, found by the service. */
export const proposalSchema = z
	.object({
		neighborhood_id: id,
		topic_id: id,
		facilitator_id: id,
		audience: z.enum(bellSessionAudiences, { error: () => m.bell_sessions_audience_required() }),
		grades: z.array(z.number().int().min(1).max(12)).default([]),
		expected_headcount: wholeNumberText(1, 2000, () => m.bell_sessions_error_headcount()),
		...slotFields,
		location: optionalText(200),
		note: optionalText(1000)
	})
	.superRefine((data, ctx) => {
		checkJalaliDate(data, ctx);
		if (data.audience === 'students' && data.grades.length === 0)
			ctx.addIssue({
				code: 'custom',
				path: ['grades'],
				message: m.bell_sessions_error_grades_required()
			});
		if (data.audience !== 'students' && data.grades.length > 0)
			ctx.addIssue({
				code: 'custom',
				path: ['grades'],
				message: m.bell_sessions_error_grades_not_allowed()
			});
	});

const version = z.number().int().positive();

/** A counter-proposal or a new time: the slot and the version the form was built from. */
export const slotSchema = z
	.object({ version, ...slotFields })
	.superRefine((data, ctx) => checkJalaliDate(data, ctx));

/** A confirmation or an acceptance: only the version. */
export const answerSchema = z.object({ version });

/** A decline or a cancellation: the reason and the version. */
export const reasonSchema = z.object({ version, reason: reasonText });

export type ProposalFormData = z.infer<typeof proposalSchema>;

/** The form's Jalali date as an ISO date; call only on data the schema accepted. */
export function proposalDateOf(data: Pick<ProposalFormData, 'date'>): string {
	const date = parseJalaliDate(data.date);
	return date.ok ? date.date : '';
}
