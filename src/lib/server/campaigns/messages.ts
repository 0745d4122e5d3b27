import { m } from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import type { DetailsProblem, RuleProblem, SlotProblem } from './rules.ts';
import type { PlanRefusal } from './plan.ts';

// Why a campaign, a change of its rule or one event was refused, in the user's language, and
// the form field the message belongs to.

type Message = (inputs: object, options?: { locale?: Locale }) => string;

type PlainProblem =
	| RuleProblem
	| DetailsProblem
	| Exclude<SlotProblem['problem'], 'closure'>
	| 'first_date_past'
	| 'no_dates';

const plainMessages: Record<PlainProblem, Message> = {
	date_invalid: m.campaigns_error_date_invalid,
	date_order: m.campaigns_error_date_order,
	too_long: m.campaigns_error_too_long,
	weekday_invalid: m.campaigns_error_weekday_invalid,
	time_invalid: m.field_start_time_invalid,
	duration_invalid: m.field_duration_invalid,
	title_required: m.field_required,
	topic_inactive: m.campaigns_error_topic_inactive,
	facilitator_inactive: m.campaigns_error_facilitator_inactive,
	first_date_past: m.campaigns_error_first_date_past,
	no_dates: m.campaigns_error_no_dates,
	past: m.campaigns_error_past,
	date_taken: m.campaigns_error_date_taken
};

export function slotProblemMessage(slot: SlotProblem, locale?: Locale): string {
	const options = locale ? { locale } : undefined;
	if (slot.problem !== 'closure') return plainMessages[slot.problem]({}, options);
	const name = (locale ?? getLocale()) === 'en' ? slot.closure.name_en : slot.closure.name_fa;
	return m.campaigns_error_closure({ name }, options);
}

/** A refusal of a new campaign's plan, or of a rule change. */
export function planRefusalMessage(
	refusal: PlanRefusal | { problem: RuleProblem | DetailsProblem },
	locale?: Locale
): string {
	if (refusal.problem === 'extra_date') return slotProblemMessage(refusal.slot, locale);
	return plainMessages[refusal.problem]({}, locale ? { locale } : undefined);
}

export type RuleField =
	| 'title'
	| 'topic_id'
	| 'facilitator_id'
	| 'first_date'
	| 'last_date'
	| 'weekday'
	| 'start_time'
	| 'duration_minutes';

/** The field of the rule form a refused rule belongs to. */
export function ruleRefusalField(refusal: {
	problem: RuleProblem | DetailsProblem | 'first_date_past' | 'no_dates';
}): RuleField {
	switch (refusal.problem) {
		case 'title_required':
			return 'title';
		case 'topic_inactive':
			return 'topic_id';
		case 'facilitator_inactive':
			return 'facilitator_id';
		case 'weekday_invalid':
			return 'weekday';
		case 'time_invalid':
			return 'start_time';
		case 'duration_invalid':
			return 'duration_minutes';
		case 'date_order':
		case 'too_long':
		case 'no_dates':
			return 'last_date';
		default:
			return 'first_date';
	}
}

/** The field of the new-campaign form a refused plan belongs to. */
export function planRefusalField(refusal: PlanRefusal): RuleField | 'extra_date' {
	return refusal.problem === 'extra_date' ? 'extra_date' : ruleRefusalField(refusal);
}

/** The field of a single event's form a slot problem belongs to. */
export function slotProblemField(slot: SlotProblem): 'date' | 'start_time' | 'duration_minutes' {
	if (slot.problem === 'time_invalid') return 'start_time';
	if (slot.problem === 'duration_invalid') return 'duration_minutes';
	return 'date';
}
