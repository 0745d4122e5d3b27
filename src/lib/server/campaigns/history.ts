import type { DB } from '../db/connect.ts';

// A campaign's history, read from the audit entries of the campaign and of its events: who did
// what when, the event's day, where a moved event was and went, and the reason given.

export interface EventSlot {
	date: string;
	starts_at: string;
	ends_at: string;
}

export interface CampaignHistoryEntry {
	id: number;
	at: string;
	action: string;
	actor_name: string | null;
	reason: string | null;
	/** The event's day (before the change), for an entry about one event. */
	event: EventSlot | null;
	/** Only when the event's time changed. */
	moved: { from: EventSlot; to: EventSlot } | null;
}

function slotOf(json: string | null): EventSlot | null {
	if (!json) return null;
	const row = JSON.parse(json) as Partial<EventSlot>;
	return row.date && row.starts_at && row.ends_at
		? { date: row.date, starts_at: row.starts_at, ends_at: row.ends_at }
		: null;
}

/** Oldest first. Call only for a campaign the user may read. */
export async function findCampaignHistory(
	db: DB,
	campaignId: number
): Promise<CampaignHistoryEntry[]> {
	const rows = await db
		.selectFrom('audit_log')
		.leftJoin('users', 'users.id', 'audit_log.actor_id')
		// Entries that keep no slot (attendance, ratings) show the event's day as it is now.
		.leftJoin('campaign_events as current', (join) =>
			join
				.onRef('current.id', '=', 'audit_log.entity_id')
				.on('audit_log.entity_type', '=', 'campaign_event')
		)
		.select([
			'current.date as current_date',
			'current.starts_at as current_starts_at',
			'current.ends_at as current_ends_at',
			'audit_log.id',
			'audit_log.at',
			'audit_log.action',
			'audit_log.entity_type',
			'audit_log.reason',
			'audit_log.before',
			'audit_log.after',
			'users.display_name as actor_name'
		])
		.where((eb) =>
			eb.or([
				eb.and([
					eb('audit_log.entity_type', '=', 'campaign'),
					eb('audit_log.entity_id', '=', campaignId)
				]),
				eb.and([
					eb('audit_log.entity_type', '=', 'campaign_event'),
					eb(
						'audit_log.entity_id',
						'in',
						eb.selectFrom('campaign_events').select('id').where('campaign_id', '=', campaignId)
					)
				])
			])
		)
		.orderBy('audit_log.id')
		.execute();
	return rows.map((row) => {
		const { before, after, entity_type, current_date, current_starts_at, current_ends_at } = row;
		const from = slotOf(before);
		const to = slotOf(after);
		// All three are set when the entry is about an event: the columns are not null.
		const current = current_date
			? { date: current_date, starts_at: current_starts_at!, ends_at: current_ends_at! }
			: null;
		const changed = from && to && (from.starts_at !== to.starts_at || from.ends_at !== to.ends_at);
		return {
			id: row.id,
			at: row.at,
			action: row.action,
			actor_name: row.actor_name,
			reason: row.reason,
			event: entity_type === 'campaign_event' ? (from ?? to ?? current) : null,
			moved: changed ? { from, to } : null
		};
	});
}
