import type { z } from 'zod';
import { jalaliFieldText } from '$lib/i18n/format';
import { isoDateOf, type ruleChangeSchema } from '$lib/schemas/campaigns';
import type { RuleChangeInput } from '$lib/server/campaigns/rule-preview';

// A campaign's rule and details as the forms hold them (Jalali dates, numbers as text) and as
// the services take them.

export type RuleData = Omit<z.infer<typeof ruleChangeSchema>, 'version' | 'previewed'>;

/** Call only on data the schema accepted. */
export function ruleInputOf(data: RuleData): RuleChangeInput {
	return {
		title: data.title,
		topic_id: data.topic_id,
		audience: data.audience,
		first_date: isoDateOf(data.first_date),
		last_date: isoDateOf(data.last_date),
		weekday: data.weekday,
		start_time: data.start_time,
		duration_minutes: Number(data.duration_minutes),
		place: data.place || null,
		facilitator_id: data.facilitator_id || null,
		note: data.note || null
	};
}

/** A saved campaign as the change-the-rule form shows it. */
export function ruleDataOf(campaign: RuleChangeInput): RuleData {
	return {
		title: campaign.title,
		topic_id: campaign.topic_id,
		audience: campaign.audience,
		first_date: jalaliFieldText(campaign.first_date),
		last_date: jalaliFieldText(campaign.last_date),
		weekday: campaign.weekday,
		start_time: campaign.start_time,
		duration_minutes: String(campaign.duration_minutes),
		place: campaign.place ?? '',
		facilitator_id: campaign.facilitator_id ?? 0,
		note: campaign.note ?? ''
	};
}
