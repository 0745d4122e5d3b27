import type { DB } from '../db/connect.ts';
import type { BellSessionEvent, CampaignEventNotice } from '../db/schema.ts';

// Tells the people concerned about a change to a bell session, inside the change's transaction.
// The other side of the handshake hears of it: the school of what the centre did, the centre
// (its managers and whoever proposed) of the school's answer; a cancellation concerns both.
// Never the actor themself, and never a deactivated account.

export type { BellSessionEvent, CampaignEventNotice } from '../db/schema.ts';

type Audience = 'school_staff' | 'center_managers' | 'proposer';

const audiences: Record<BellSessionEvent, readonly Audience[]> = {
	proposed: ['school_staff'],
	rescheduled: ['school_staff'],
	moved: ['school_staff'],
	accepted: ['school_staff'],
	confirmed: ['center_managers', 'proposer'],
	counter_proposed: ['center_managers', 'proposer'],
	declined: ['center_managers', 'proposer'],
	cancelled: ['school_staff', 'center_managers']
};

export async function notifyBellSessionEvent(
	db: DB,
	event: { sessionId: number; event: BellSessionEvent; actorId: number },
	now = new Date()
): Promise<void> {
	const session = await db
		.selectFrom('bell_sessions')
		.select(['school_id', 'center_id', 'proposed_by'])
		.where('id', '=', event.sessionId)
		.executeTakeFirstOrThrow();
	const wanted = audiences[event.event];
	const recipients = await db
		.selectFrom('users')
		.select('id')
		.where('active', '=', 1)
		.where('id', '!=', event.actorId)
		.where((eb) => {
			const concerned = [];
			if (wanted.includes('school_staff'))
				concerned.push(
					eb.and([eb('role', '=', 'school_staff'), eb('school_id', '=', session.school_id)])
				);
			if (wanted.includes('center_managers'))
				concerned.push(
					eb.and([
						eb('role', '=', 'center_manager'),
						eb(
							'id',
							'in',
							eb
								.selectFrom('user_centers')
								.select('user_id')
								.where('center_id', '=', session.center_id)
						)
					])
				);
			if (wanted.includes('proposer') && session.proposed_by !== null)
				concerned.push(eb('id', '=', session.proposed_by));
			return eb.or(concerned);
		})
		.execute();
	if (recipients.length === 0) return;
	await db
		.insertInto('notifications')
		.values(
			recipients.map((user) => ({
				user_id: user.id,
				bell_session_id: event.sessionId,
				event: event.event,
				actor_id: event.actorId,
				created_at: now.toISOString()
			}))
		)
		.execute();
}

/**
 * Tells a campaign centre's managers and the campaign's creator that one of its events moved or
 * was cancelled, inside the change's transaction; never the actor, never a deactivated account.
 */
export async function notifyCampaignEvent(
	db: DB,
	event: { eventId: number; event: CampaignEventNotice; actorId: number },
	now = new Date()
): Promise<void> {
	const campaign = await db
		.selectFrom('campaign_events')
		.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
		.select(['campaigns.center_id', 'campaigns.created_by'])
		.where('campaign_events.id', '=', event.eventId)
		.executeTakeFirstOrThrow();
	const recipients = await db
		.selectFrom('users')
		.select('id')
		.where('active', '=', 1)
		.where('id', '!=', event.actorId)
		.where((eb) =>
			eb.or([
				eb.and([
					eb('role', '=', 'center_manager'),
					eb(
						'id',
						'in',
						eb
							.selectFrom('user_centers')
							.select('user_id')
							.where('center_id', '=', campaign.center_id)
					)
				]),
				eb('id', '=', campaign.created_by ?? -1)
			])
		)
		.execute();
	if (recipients.length === 0) return;
	await db
		.insertInto('notifications')
		.values(
			recipients.map((user) => ({
				user_id: user.id,
				campaign_event_id: event.eventId,
				event: event.event,
				actor_id: event.actorId,
				created_at: now.toISOString()
			}))
		)
		.execute();
}
