import type { DB } from '../db/connect.ts';
import { containsText } from '../db/contains-text.ts';
import type { AuditEntry } from '../db/schema.ts';

/** Every kind of audit entry; each has a label in both languages (src/lib/i18n/names.ts). */
export const auditActions = [
	'sign_in',
	'sign_in_failed',
	'sign_out',
	'user_created',
	'user_updated',
	'user_deactivated',
	'user_reactivated',
	'user_password_reset',
	'password_changed',
	'profile_updated',
	// Directory records (areas, neighbourhoods, centres, schools, school years, topics,
	// facilitators): entity_type says which.
	'record_created',
	'record_updated',
	'record_retired',
	'record_restored',
	'school_year_made_current',
	'schools_imported',
	'pairing_created',
	'pairing_changed',
	'pairing_removed',
	'pairings_copied',
	'bell_session_proposed',
	'bell_session_confirmed',
	'bell_session_counter_proposed',
	'bell_session_declined',
	'bell_session_accepted',
	'bell_session_rescheduled',
	'bell_session_moved',
	'bell_session_cancelled',
	'calendar_feed_created',
	'calendar_feed_revoked',
	'campaign_created',
	'campaign_updated',
	'campaign_event_added',
	'campaign_event_moved',
	'campaign_event_cancelled',
	'campaign_event_kept',
	'attendance_recorded',
	'attendance_updated',
	'staff_feedback_saved',
	'api_token_created',
	'api_token_revoked',
	'boundaries_uploaded',
	'boundaries_removed'
] as const;

export type AuditAction = (typeof auditActions)[number];

export interface AuditRecord {
	actorId: number | null;
	ip?: string | null;
	action: AuditAction;
	entityType?: string | null;
	entityId?: number | null;
	subject?: string | null;
	before?: unknown;
	after?: unknown;
	reason?: string | null;
}

function json(value: unknown): string | null {
	return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Appends one entry; call it inside the transaction of the change it describes. */
export async function recordAudit(db: DB, entry: AuditRecord, now = new Date()): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: now.toISOString(),
			actor_id: entry.actorId,
			ip: entry.ip ?? null,
			action: entry.action,
			entity_type: entry.entityType ?? null,
			entity_id: entry.entityId ?? null,
			subject: entry.subject ?? null,
			before: json(entry.before),
			after: json(entry.after),
			reason: entry.reason ?? null
		})
		.execute();
}

export interface AuditFilter {
	action?: string;
	actorId?: number;
	from?: string;
	to?: string;
	query?: string;
}

export type AuditRow = AuditEntry & { actor_email: string | null };

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, one page at a time, with one more row fetched to tell whether a next page exists. */
export async function listAudit(
	db: DB,
	filter: AuditFilter,
	page: number
): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
	let query = db
		.selectFrom('audit_log')
		.leftJoin('users', 'users.id', 'audit_log.actor_id')
		.selectAll('audit_log')
		.select('users.email as actor_email');
	if (filter.action) query = query.where('audit_log.action', '=', filter.action);
	if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
	if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
	if (filter.to) query = query.where('audit_log.at', '<', filter.to);
	if (filter.query) {
		const text = filter.query;
		query = query.where((eb) =>
			eb.or([
				containsText(eb.ref('audit_log.subject'), text),
				containsText(eb.ref('users.email'), text),
				containsText(eb.ref('audit_log.after'), text),
				containsText(eb.ref('audit_log.before'), text)
			])
		);
	}
	const rows = await query
		.orderBy('audit_log.id', 'desc')
		.limit(AUDIT_PAGE_SIZE + 1)
		.offset((page - 1) * AUDIT_PAGE_SIZE)
		.execute();
	return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

export async function listAuditActions(db: DB): Promise<string[]> {
	const rows = await db
		.selectFrom('audit_log')
		.select('action')
		.distinct()
		.orderBy('action')
		.execute();
	return rows.map((r) => r.action);
}
