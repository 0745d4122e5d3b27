import type { DB } from '../db/connect.ts';

// A session's history, read from its audit entries: who did what when, the time before and after
// a change of time, and the reason of a decline or cancellation.

export interface SessionSlot {
	date: string;
	starts_at: string;
	ends_at: string;
}

export interface HistoryEntry {
	id: number;
	at: string;
	action: string;
	actor_name: string | null;
	reason: string | null;
	/** Only when the time changed. */
	moved: { from: SessionSlot; to: SessionSlot } | null;
}

function slotOf(json: string | null): SessionSlot | null {
	if (!json) return null;
	const row = JSON.parse(json) as Partial<SessionSlot>;
	return row.date && row.starts_at && row.ends_at
		? { date: row.date, starts_at: row.starts_at, ends_at: row.ends_at }
		: null;
}

/** Oldest first. Call only for a session the user may read. */
export async function findBellSessionHistory(db: DB, sessionId: number): Promise<HistoryEntry[]> {
	const rows = await db
		.selectFrom('audit_log')
		.leftJoin('users', 'users.id', 'audit_log.actor_id')
		.select([
			'audit_log.id',
			'audit_log.at',
			'audit_log.action',
			'audit_log.reason',
			'audit_log.before',
			'audit_log.after',
			'users.display_name as actor_name'
		])
		.where('audit_log.entity_type', '=', 'bell_session')
		.where('audit_log.entity_id', '=', sessionId)
		.orderBy('audit_log.id')
		.execute();
	return rows.map(({ before, after, ...row }) => {
		const from = slotOf(before);
		const to = slotOf(after);
		const changed = from && to && (from.starts_at !== to.starts_at || from.ends_at !== to.ends_at);
		return { ...row, moved: changed ? { from, to } : null };
	});
}
