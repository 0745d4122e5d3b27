import { z } from './z.ts';
import { ANSWER_COMMENT_MAX, STAFF_COMMENT_MAX } from '../feedback/limits.ts';
import { formatNumber } from '../i18n/format.ts';
import { m } from '../paraglide/messages.js';

// The two feedback forms: the staff's rating of a held session, and the anonymous participant's
// answer. Ratings are radio buttons 1–5. Free text is kept as typed (Persian, emoji, marks of
// direction), without control characters other than line breaks and tabs; pages escape it.

export const learnedAnswers = ['yes', 'partly', 'no'] as const;
export const recommendAnswers = ['yes', 'no'] as const;

/** Removes control characters (a NUL, an escape...) but keeps line breaks and tabs. */
export function withoutControlCharacters(text: string): string {
	return text.replace(/[^\P{Cc}\n\t]/gu, '').trim();
}

const rating = () =>
	z
		.number({ error: () => m.feedback_error_rating() })
		.int({ error: () => m.feedback_error_rating() })
		.min(1, { error: () => m.feedback_error_rating() })
		.max(5, { error: () => m.feedback_error_rating() });

const freeText = (max: number) =>
	z
		.string()
		.overwrite(withoutControlCharacters)
		.max(max, { error: () => m.feedback_error_too_long({ max: formatNumber(max) }) })
		.default('');

/** `version` is the version of the user's own feedback the form was built from; 0 for none. */
export const staffFeedbackSchema = z.object({
	version: z.number().int().min(0),
	relevance: rating(),
	facilitator: rating(),
	engagement: rating(),
	comment: freeText(STAFF_COMMENT_MAX)
});

export type StaffFeedbackFormData = z.infer<typeof staffFeedbackSchema>;

/** Only the overall rating is required: a participant may skip the rest. */
export const answerSchema = z.object({
	overall: rating(),
	learned: z.enum(learnedAnswers).optional(),
	would_recommend: z.enum(recommendAnswers).optional(),
	comment: freeText(ANSWER_COMMENT_MAX)
});

export type AnswerFormData = z.infer<typeof answerSchema>;
