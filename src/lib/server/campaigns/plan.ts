import type { DB } from '../db/connect.ts';
import { todayInTehran } from '../../i18n/jalali.ts';
import type { CampaignActor } from './access.ts';
import { findCenterToManage } from './centers.ts';
import { generateCampaignDates, type SkippedDate } from './generation.ts';
import {
	checkDetails,
	checkEventSlot,
	checkRule,
	findCenterClosures,
	type CampaignDetails,
	type CampaignRule,
	type DetailsProblem,
	type RuleProblem,
	type SlotProblem
} from './rules.ts';

// Planning a campaign: its rule's dates with the closed ones skipped and named, which the user
// sees before saving (they may drop dates and add their own), and the checks of everything else.

export interface CampaignInput extends CampaignRule, CampaignDetails {
	center_id: number;
}

export type PlanRefusal =
	| { problem: RuleProblem | DetailsProblem | 'first_date_past' | 'no_dates' }
	| { problem: 'extra_date'; date: string; slot: SlotProblem };

export interface CampaignPlan {
	/** The rule's open dates, in order. */
	dates: string[];
	/** The rule's dates on a closure, with the closure. */
	skipped: SkippedDate[];
	/** Dates added by hand, in order. */
	extras: string[];
}

export type PlanResult =
	| { ok: true; plan: CampaignPlan }
	| { ok: false; error: 'not_found' }
	| { ok: false; error: 'refused'; refusal: PlanRefusal };

/** The rule's dates the preview showed, to tell at saving time whether they changed since. */
export function planSignature(plan: CampaignPlan): string {
	return plan.dates.join(',');
}

/** The rule's dates a preview showed, read back from its signature. */
export function datesOfSignature(signature: string): string[] {
	return signature ? signature.split(',') : [];
}

export async function planCampaign(
	db: DB,
	user: CampaignActor,
	input: CampaignInput,
	extraDates: readonly string[],
	now = new Date()
): Promise<PlanResult> {
	const center = await findCenterToManage(db, user, input.center_id);
	if (!center) return { ok: false, error: 'not_found' };
	const refuse = (refusal: PlanRefusal): PlanResult => ({ ok: false, error: 'refused', refusal });
	const ruleProblem = checkRule(input);
	if (ruleProblem) return refuse({ problem: ruleProblem });
	const detailsProblem = await checkDetails(db, input, center.district_id);
	if (detailsProblem) return refuse({ problem: detailsProblem });
	if (input.first_date < todayInTehran(now)) return refuse({ problem: 'first_date_past' });

	const closures = await findCenterClosures(db, center, input.first_date, input.last_date);
	const { dates, skipped } = generateCampaignDates(input, closures);
	const extras = [...new Set(extraDates)].sort();
	for (const date of extras) {
		const slot = dates.includes(date)
			? { problem: 'date_taken' as const }
			: await checkEventSlot(db, { ...input, center, campaignId: null, date, now });
		if (slot) return refuse({ problem: 'extra_date', date, slot });
	}
	return { ok: true, plan: { dates, skipped, extras } };
}
