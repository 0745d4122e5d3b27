import type { DB } from '../db/connect.ts';
import { REASON_MAX } from '../../schemas/fields.ts';
import type { CampaignEvent } from '../db/schema.ts';
import { recordAudit, type AuditAction } from '../audit/repository.ts';
import { sessionInstants } from '../bell-sessions/time.ts';
import { notifyCampaignEvent, type CampaignEventNotice } from '../notifications/service.ts';
import { centerOf, findCampaignToChange, type CampaignActor } from './access.ts';
import { checkEventSlot, type SlotProblem } from './rules.ts';
import type { WorkflowError } from '../workflow-refusal.ts';
import { inTransaction } from '../db/transaction.ts';

// Changing one event on its own, without touching the rest of the series: move it (new day,
// time or place), cancel it, or keep it despite a closure. Each needs a centre manager of the
// campaign's centre or an admin, runs in one transaction with a version check (a stale form is
// refused and nothing changes), marks the event as changed by hand (so a later change of the
// rule leaves it alone), is audited, and a move or cancellation notifies.

export interface NewEventSlot {
	/** Local 'YYYY-MM-DD' and 'HH:MM'. */
	date: string;
	start_time: string;
	duration_minutes: number;
	place: string | null;
}

export type EventChange =
	| { action: 'move'; slot: NewEventSlot; reason: string }
	| { action: 'cancel'; reason: string }
	| { action: 'keep' };

export type EventChangeResult =
	| { ok: true; version: number }
	| { ok: false; error: WorkflowError }
	| { ok: false; error: 'refused'; refusal: SlotProblem };

const auditActions: Record<EventChange['action'], AuditAction> = {
	move: 'campaign_event_moved',
	cancel: 'campaign_event_cancelled',
	keep: 'campaign_event_kept'
};

const notices: Partial<Record<EventChange['action'], CampaignEventNotice>> = {
	move: 'event_moved',
	cancel: 'event_cancelled'
};

export async function changeCampaignEvent(
	db: DB,
	user: CampaignActor,
	target: { campaignId: number; eventId: number; version: number },
	change: EventChange,
	now = new Date()
): Promise<EventChangeResult> {
	return inTransaction(db, async (trx): Promise<EventChangeResult> => {
		const before = await trx
			.selectFrom('campaign_events')
			.selectAll()
			.where('id', '=', target.eventId)
			.where('campaign_id', '=', target.campaignId)
			.executeTakeFirst();
		const campaign = before
			? await findCampaignToChange(trx, user, before.campaign_id)
			: 'not_found';
		if (!before || typeof campaign === 'string')
			return { ok: false, error: campaign === 'forbidden' ? 'forbidden' : 'not_found' };
		if (before.version !== target.version) return { ok: false, error: 'stale' };
		if (before.status !== 'scheduled') return { ok: false, error: 'wrong_state' };
		if (change.action === 'keep' && !before.needs_attention)
			return { ok: false, error: 'wrong_state' };
		const reason = change.action === 'keep' ? null : change.reason.trim().slice(0, REASON_MAX);
		if (change.action !== 'keep' && !reason) return { ok: false, error: 'reason_required' };

		let values: Partial<CampaignEvent> = {};
		if (change.action === 'move') {
			const { slot } = change;
			const problem = await checkEventSlot(trx, {
				...slot,
				center: centerOf(campaign),
				campaignId: campaign.id,
				excludeEventId: before.id,
				now
			});
			if (problem) return { ok: false, error: 'refused', refusal: problem };
			values = {
				date: slot.date,
				start_time: slot.start_time,
				duration_minutes: slot.duration_minutes,
				...sessionInstants(slot.date, slot.start_time, slot.duration_minutes),
				place: slot.place?.trim() || null
			};
		}
		if (change.action === 'cancel') values = { status: 'cancelled', cancel_reason: reason };

		// The version in the WHERE clause makes the check and the write one step.
		const after = await trx
			.updateTable('campaign_events')
			.set({
				...values,
				touched: 1,
				needs_attention: 0,
				attention_closure_id: null,
				updated_at: now.toISOString(),
				version: before.version + 1
			})
			.where('id', '=', before.id)
			.where('version', '=', target.version)
			.returningAll()
			.executeTakeFirst();
		if (!after) return { ok: false, error: 'stale' };
		await recordAudit(
			trx,
			{
				actorId: user.id,
				ip: user.ip,
				action: auditActions[change.action],
				entityType: 'campaign_event',
				entityId: before.id,
				before,
				after,
				reason
			},
			now
		);
		const notice = notices[change.action];
		if (notice)
			await notifyCampaignEvent(trx, { eventId: before.id, event: notice, actorId: user.id }, now);
		return { ok: true, version: after.version };
	});
}
