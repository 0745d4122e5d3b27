import type { DB } from '../db/connect.ts';
import { recordAudit } from '../audit/repository.ts';
import { sessionInstants } from '../bell-sessions/time.ts';
import { findCampaignToChange, centerOf, type CampaignActor } from './access.ts';
import { campaignColumns } from './service.ts';
import {
	checkDetails,
	checkRule,
	findCenterClosures,
	type DetailsProblem,
	type RuleProblem
} from './rules.ts';
import {
	previewRuleChange,
	ruleChangeSignature,
	type RuleChangeInput,
	type RuleChangePreview
} from './rule-preview.ts';
import { inTransaction } from '../db/transaction.ts';

// Changing a campaign's rule and details, by its centre's managers or an admin: the user sees
// what will change first (rule-preview.ts); applying refuses when the campaign or that outcome
// changed in between, and is audited.

export type RuleChangeResult =
	| { ok: true; preview: RuleChangePreview }
	| { ok: false; error: 'not_found' | 'forbidden' | 'stale' }
	| { ok: false; error: 'refused'; refusal: { problem: RuleProblem | DetailsProblem } }
	| { ok: false; error: 'preview_changed'; preview: RuleChangePreview };

async function review(
	db: DB,
	user: CampaignActor,
	campaignId: number,
	input: RuleChangeInput,
	now: Date
) {
	const campaign = await findCampaignToChange(db, user, campaignId);
	if (typeof campaign === 'string') return { ok: false, error: campaign } as const;
	const problem = checkRule(input) ?? (await checkDetails(db, input, campaign.district_id));
	if (problem) return { ok: false, error: 'refused', refusal: { problem } } as const;
	const [events, closures] = await Promise.all([
		db.selectFrom('campaign_events').selectAll().where('campaign_id', '=', campaignId).execute(),
		findCenterClosures(db, centerOf(campaign), input.first_date, input.last_date)
	]);
	const dropped = campaign.dropped_dates ? campaign.dropped_dates.split(',') : [];
	const preview = previewRuleChange(events, input, dropped, closures, now);
	return { ok: true, campaign, preview } as const;
}

/** What the new rule would do, without doing it. */
export async function reviewRuleChange(
	db: DB,
	user: CampaignActor,
	campaignId: number,
	input: RuleChangeInput,
	now = new Date()
): Promise<Exclude<RuleChangeResult, { error: 'preview_changed' }>> {
	const reviewed = await review(db, user, campaignId, input, now);
	return reviewed.ok ? { ok: true, preview: reviewed.preview } : reviewed;
}

export async function applyRuleChange(
	db: DB,
	user: CampaignActor,
	target: { campaignId: number; version: number; seen: string },
	input: RuleChangeInput,
	now = new Date()
): Promise<RuleChangeResult> {
	return inTransaction(db, async (trx): Promise<RuleChangeResult> => {
		const reviewed = await review(trx, user, target.campaignId, input, now);
		if (!reviewed.ok) return reviewed;
		const { campaign, preview } = reviewed;
		if (campaign.version !== target.version) return { ok: false, error: 'stale' };
		if (ruleChangeSignature(preview) !== target.seen)
			return { ok: false, error: 'preview_changed', preview };

		const at = now.toISOString();
		const { district_id: _district, ...before } = campaign;
		const after = await trx
			.updateTable('campaigns')
			.set({
				...(await campaignColumns(trx, input)),
				updated_at: at,
				version: campaign.version + 1
			})
			.where('id', '=', campaign.id)
			.where('version', '=', target.version)
			.returningAll()
			.executeTakeFirst();
		if (!after) return { ok: false, error: 'stale' };

		const removed = preview.removed.map((e) => e.id);
		if (removed.length)
			await trx.deleteFrom('campaign_events').where('id', 'in', removed).execute();
		for (const { id, to } of preview.changed)
			await trx
				.updateTable('campaign_events')
				.set((eb) => ({
					...to,
					updated_at: at,
					version: eb('version', '+', 1)
				}))
				.where('id', '=', id)
				.execute();
		if (preview.added.length)
			await trx
				.insertInto('campaign_events')
				.values(
					preview.added.map((date) => ({
						campaign_id: campaign.id,
						rule_date: date,
						date,
						start_time: after.start_time,
						duration_minutes: after.duration_minutes,
						...sessionInstants(date, after.start_time, after.duration_minutes),
						place: after.place,
						created_at: at,
						updated_at: at
					}))
				)
				.execute();
		await recordAudit(
			trx,
			{
				actorId: user.id,
				ip: user.ip,
				action: 'campaign_updated',
				entityType: 'campaign',
				entityId: campaign.id,
				before,
				after: { ...after, events: preview }
			},
			now
		);
		return { ok: true, preview };
	});
}
