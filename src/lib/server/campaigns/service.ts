import type { DB } from '../db/connect.ts';
import { recordAudit } from '../audit/repository.ts';
import { sessionInstants } from '../bell-sessions/time.ts';
import type { CampaignActor } from './access.ts';
import {
	planCampaign,
	planSignature,
	type CampaignInput,
	type CampaignPlan,
	type PlanResult
} from './plan.ts';
import { inTransaction } from '../db/transaction.ts';

// Saving a planned campaign: checks that the rule's dates are still the ones the preview showed,
// then writes the campaign and its events in one transaction, audited.

export interface PlanChoice {
	/** planSignature() of the preview the user saw. */
	seen: string;
	/** The rule's dates the user kept; the others are dropped. */
	keep: readonly string[];
	extraDates: readonly string[];
}

export type CreateResult =
	| { ok: true; id: number }
	| Exclude<PlanResult, { ok: true }>
	| { ok: false; error: 'preview_changed'; plan: CampaignPlan };

export async function createCampaign(
	db: DB,
	user: CampaignActor,
	input: CampaignInput,
	choice: PlanChoice,
	now = new Date()
): Promise<CreateResult> {
	return inTransaction(db, async (trx): Promise<CreateResult> => {
		const planned = await planCampaign(trx, user, input, choice.extraDates, now);
		if (!planned.ok) return planned;
		const { plan } = planned;
		if (planSignature(plan) !== choice.seen) return { ok: false, error: 'preview_changed', plan };
		const kept = plan.dates.filter((date) => choice.keep.includes(date));
		const dropped = plan.dates.filter((date) => !choice.keep.includes(date));
		if (kept.length + plan.extras.length === 0)
			return { ok: false, error: 'refused', refusal: { problem: 'no_dates' } };

		const at = now.toISOString();
		const campaign = await trx
			.insertInto('campaigns')
			.values({
				center_id: input.center_id,
				...(await campaignColumns(trx, input)),
				dropped_dates: dropped.join(','),
				created_by: user.id,
				created_at: at,
				updated_at: at
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		const eventOf = (date: string, byHand: boolean) => ({
			campaign_id: campaign.id,
			rule_date: byHand ? null : date,
			date,
			start_time: campaign.start_time,
			duration_minutes: campaign.duration_minutes,
			...sessionInstants(date, campaign.start_time, campaign.duration_minutes),
			place: campaign.place,
			touched: byHand ? 1 : 0,
			created_at: at,
			updated_at: at
		});
		if (kept.length)
			await trx
				.insertInto('campaign_events')
				.values(kept.map((date) => eventOf(date, false)))
				.execute();
		const audit = { actorId: user.id, ip: user.ip };
		await recordAudit(
			trx,
			{
				...audit,
				action: 'campaign_created',
				entityType: 'campaign',
				entityId: campaign.id,
				after: { ...campaign, events: kept, skipped: plan.skipped }
			},
			now
		);
		for (const date of plan.extras) {
			const event = await trx
				.insertInto('campaign_events')
				.values(eventOf(date, true))
				.returningAll()
				.executeTakeFirstOrThrow();
			await recordAudit(
				trx,
				{
					...audit,
					action: 'campaign_event_added',
					entityType: 'campaign_event',
					entityId: event.id,
					after: event
				},
				now
			);
		}
		return { ok: true, id: campaign.id };
	});
}

/** A campaign's columns from its rule and details, in its first date's school year. */
export async function campaignColumns(db: DB, input: Omit<CampaignInput, 'center_id'>) {
	const year = await db
		.selectFrom('school_years')
		.select('id')
		.where('starts_on', '<=', input.first_date)
		.where('ends_on', '>=', input.first_date)
		.executeTakeFirst();
	return {
		school_year_id: year?.id ?? null,
		title: input.title.trim(),
		topic_id: input.topic_id,
		audience: input.audience,
		first_date: input.first_date,
		last_date: input.last_date,
		weekday: input.weekday,
		start_time: input.start_time,
		duration_minutes: input.duration_minutes,
		place: input.place?.trim() || null,
		facilitator_id: input.facilitator_id,
		note: input.note?.trim() || null
	};
}
