import { m } from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import { toPersianDigits } from '../../i18n/digits.ts';
import type { BellSessionRefusal } from './service.ts';

// Why a session was refused, in the user's language, and the form field it belongs to.

export type ProposalField =
	| 'school_id'
	| 'topic_id'
	| 'facilitator_id'
	| 'grades'
	| 'expected_headcount'
	| 'date'
	| 'start_time'
	| 'duration_minutes';

type Message = (inputs: object, options?: { locale?: Locale }) => string;

const plainMessages: Record<
	Exclude<BellSessionRefusal['problem'], 'closure' | 'before_school_day' | 'after_school_day'>,
	Message
> = {
	no_pairing: m.bell_sessions_error_no_pairing,
	not_paired_school: m.bell_sessions_error_not_paired_school,
	date_invalid: m.bell_sessions_error_date_invalid,
	time_invalid: m.field_start_time_invalid,
	duration_invalid: m.field_duration_invalid,
	friday: m.bell_sessions_error_friday,
	outside_school_year: m.bell_sessions_error_outside_school_year,
	past: m.bell_sessions_error_past,
	facilitator_busy: m.bell_sessions_error_facilitator_busy,
	school_busy: m.bell_sessions_error_school_busy,
	topic_inactive: m.bell_sessions_error_topic_inactive,
	topic_audience: m.bell_sessions_error_topic_audience,
	facilitator_inactive: m.bell_sessions_error_facilitator_inactive,
	grades_required: m.bell_sessions_error_grades_required,
	grades_not_allowed: m.bell_sessions_error_grades_not_allowed,
	headcount: m.bell_sessions_error_headcount
};

export function bellSessionRefusalMessage(refusal: BellSessionRefusal, locale?: Locale): string {
	const options = locale ? { locale } : undefined;
	const english = (locale ?? getLocale()) === 'en';
	switch (refusal.problem) {
		case 'closure': {
			const name = english ? refusal.closure.name_en : refusal.closure.name_fa;
			return m.bell_sessions_error_closure({ name }, options);
		}
		case 'before_school_day':
		case 'after_school_day': {
			const time = english ? refusal.time : toPersianDigits(refusal.time);
			const message =
				refusal.problem === 'before_school_day'
					? m.bell_sessions_error_before_school_day
					: m.bell_sessions_error_after_school_day;
			return message({ time }, options);
		}
		default:
			return plainMessages[refusal.problem]({}, options);
	}
}

export function bellSessionRefusalField(refusal: BellSessionRefusal): ProposalField {
	switch (refusal.problem) {
		case 'no_pairing':
		case 'not_paired_school':
		case 'school_busy':
			return 'school_id';
		case 'topic_inactive':
		case 'topic_audience':
			return 'topic_id';
		case 'facilitator_inactive':
		case 'facilitator_busy':
			return 'facilitator_id';
		case 'grades_required':
		case 'grades_not_allowed':
			return 'grades';
		case 'headcount':
			return 'expected_headcount';
		case 'time_invalid':
		case 'before_school_day':
			return 'start_time';
		case 'duration_invalid':
		case 'after_school_day':
			return 'duration_minutes';
		default:
			return 'date';
	}
}
