import { z } from 'zod';
import { toLatinDigits } from '../i18n/digits.ts';
import { dateErrorMessage } from '../i18n/date-errors.ts';
import { parseJalaliDate } from '../i18n/jalali.ts';
import { m } from '../paraglide/messages.js';

// A session proposal as typed: the date in Jalali (Persian or Latin digits), the start time as
// HH:MM. The service checks the rest (pairing, closures, hours, overlaps).

export const bellSessionAudiences = ['students', 'parents', 'teachers'] as const;

const required = () => m.field_required();
const id = z.number({ error: required }).int().positive({ error: required });
const latin = (v: unknown) => (typeof v === 'string' ? toLatinDigits(v).trim() : v);
const optionalText = (max: number) => z.string().trim().max(max).default('');

export const proposalSchema = z
	.object({
		neighborhood_id: id,
		school_id: id,
		topic_id: id,
		facilitator_id: id,
		audience: z.enum(bellSessionAudiences, { error: () => m.bell_sessions_audience_required() }),
		grades: z.array(z.number().int().min(1).max(12)).default([]),
		expected_headcount: z
			.number({ error: () => m.bell_sessions_error_headcount() })
			.int({ error: () => m.bell_sessions_error_headcount() })
			.min(1, { error: () => m.bell_sessions_error_headcount() })
			.max(2000, { error: () => m.bell_sessions_error_headcount() }),
		date: z.string({ error: required }).trim().min(1, { error: required }).max(20),
		start_time: z.preprocess(
			latin,
			z.string({ error: required }).regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, {
				error: () => m.bell_sessions_error_time_invalid()
			})
		),
		duration_minutes: z
			.number({ error: () => m.bell_sessions_error_duration_invalid() })
			.int({ error: () => m.bell_sessions_error_duration_invalid() })
			.min(15, { error: () => m.bell_sessions_error_duration_invalid() })
			.max(240, { error: () => m.bell_sessions_error_duration_invalid() }),
		location: optionalText(200),
		note: optionalText(1000)
	})
	.superRefine((data, ctx) => {
		const date = parseJalaliDate(data.date);
		if (!date.ok)
			ctx.addIssue({ code: 'custom', path: ['date'], message: dateErrorMessage(date.error) });
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

export type ProposalFormData = z.infer<typeof proposalSchema>;

/** The form's Jalali date as an ISO date; call only on data the schema accepted. */
export function proposalDateOf(data: Pick<ProposalFormData, 'date'>): string {
	const date = parseJalaliDate(data.date);
	return date.ok ? date.date : '';
}
