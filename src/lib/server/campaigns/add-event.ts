import type { DB } from '../db/connect.ts';
import { recordAudit } from '../audit/repository.ts';
import { sessionInstants } from '../bell-sessions/time.ts';
import { centerOf, findCampaignToChange, type CampaignActor } from './access.ts';
import type { NewEventSlot } from './events.ts';
import { checkEventSlot, type SlotProblem } from './rules.ts';
import { inTransaction } from '../db/transaction.ts';

// A date added by hand to a campaign, by its centre's managers or an admin: marked as added by
// hand (a later change of the rule leaves it alone) and audited.

export type AddEventResult =
	| { ok: true; id: number }
	| { ok: false; error: 'not_found' | 'forbidden' }
	| { ok: false; error: 'refused'; refusal: SlotProblem };

/** A date added by hand to a campaign: any open future day the campaign has no event on. */
export async function addCampaignEvent(
	db: DB,
	user: CampaignActor,
	campaignId: number,
	slot: NewEventSlot,
	now = new Date()
): Promise<AddEventResult> {
	return inTransaction(db, async (trx): Promise<AddEventResult> => {
		const campaign = await findCampaignToChange(trx, user, campaignId);
		if (typeof campaign === 'string') return { ok: false, error: campaign };
		const problem = await checkEventSlot(trx, {
			...slot,
			center: centerOf(campaign),
			campaignId,
			now
		});
		if (problem) return { ok: false, error: 'refused', refusal: problem };
		const at = now.toISOString();
		const event = await trx
			.insertInto('campaign_events')
			.values({
				campaign_id: campaignId,
				rule_date: null,
				date: slot.date,
				start_time: slot.start_time,
				duration_minutes: slot.duration_minutes,
				...sessionInstants(slot.date, slot.start_time, slot.duration_minutes),
				place: slot.place?.trim() || null,
				touched: 1,
				created_at: at,
				updated_at: at
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await recordAudit(
			trx,
			{
				actorId: user.id,
				ip: user.ip,
				action: 'campaign_event_added',
				entityType: 'campaign_event',
				entityId: event.id,
				after: event
			},
			now
		);
		return { ok: true, id: event.id };
	});
}
