import type { CampaignEvent } from '../db/schema.ts';
import { sessionInstants } from '../bell-sessions/time.ts';
import { generateCampaignDates, type SkippedDate } from './generation.ts';
import type { CampaignDetails, CampaignRule } from './rules.ts';

// What a new rule does to a campaign's events, worked out without touching them: only future
// events nobody touched are regenerated. Past events, cancelled or held ones and those moved,
// added or kept by hand stay as they are, and the days they hold (and the dates dropped when
// planning) are not filled again.

export type RuleChangeInput = CampaignRule & CampaignDetails;

export interface EventSlotView {
	date: string;
	start_time: string;
	duration_minutes: number;
	place: string | null;
	starts_at: string;
	ends_at: string;
}

export interface RuleChangePreview {
	added: string[];
	/** With the closure now on its day, when that is why. */
	removed: { id: number; date: string; closure: SkippedDate['closure'] | null }[];
	changed: { id: number; from: EventSlotView; to: EventSlotView }[];
	unchanged: number;
	/** Past, cancelled, held or hand-changed events, left as they are. */
	kept: number;
	/** Future dates of the new rule on a closure. */
	skipped: SkippedDate[];
}

/** What the preview showed, to tell at applying time whether the outcome changed since. */
export function ruleChangeSignature(preview: RuleChangePreview): string {
	const { added, removed, changed } = preview;
	return JSON.stringify([added, removed.map((e) => e.id), changed.map((e) => [e.id, e.to])]);
}

const slotOf = (e: EventSlotView): EventSlotView => ({
	date: e.date,
	start_time: e.start_time,
	duration_minutes: e.duration_minutes,
	place: e.place,
	starts_at: e.starts_at,
	ends_at: e.ends_at
});

/** The outcome of a new rule for a campaign's events; pure. */
export function previewRuleChange(
	events: readonly CampaignEvent[],
	rule: CampaignRule,
	dropped: readonly string[],
	closures: Parameters<typeof generateCampaignDates>[1],
	now: Date
): RuleChangePreview {
	const at = now.toISOString();
	const regenerable = events.filter(
		(e) => e.status === 'scheduled' && !e.touched && e.starts_at > at
	);
	const stay = events.filter((e) => !regenerable.includes(e));
	const taken = new Set(stay.flatMap((e) => [e.date, e.rule_date]));
	const place = rule.place?.trim() || null;
	const isFuture = (date: string) =>
		sessionInstants(date, rule.start_time, rule.duration_minutes).starts_at > at;
	const generated = generateCampaignDates(rule, closures);
	const wanted = generated.dates.filter(
		(date) => isFuture(date) && !dropped.includes(date) && !taken.has(date)
	);
	const preview: RuleChangePreview = {
		added: [],
		removed: [],
		changed: [],
		unchanged: 0,
		kept: stay.length,
		skipped: generated.skipped.filter((s) => isFuture(s.date))
	};
	for (const date of wanted) {
		const event = regenerable.find((e) => e.date === date);
		if (!event) preview.added.push(date);
		else if (
			event.start_time === rule.start_time &&
			event.duration_minutes === rule.duration_minutes &&
			event.place === place
		)
			preview.unchanged += 1;
		else
			preview.changed.push({
				id: event.id,
				from: slotOf(event),
				to: {
					date,
					start_time: rule.start_time,
					duration_minutes: rule.duration_minutes,
					place,
					...sessionInstants(date, rule.start_time, rule.duration_minutes)
				}
			});
	}
	for (const event of regenerable.filter((e) => !wanted.includes(e.date)))
		preview.removed.push({
			id: event.id,
			date: event.date,
			closure: generated.skipped.find((s) => s.date === event.date)?.closure ?? null
		});
	return preview;
}
