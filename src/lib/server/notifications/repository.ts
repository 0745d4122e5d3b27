import { sql } from 'kysely';
import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import type { BellSessionStatus, CampaignEventStatus, NotificationEvent } from '../db/schema.ts';
import { bellSessionInScope } from '../bell-sessions/scope.ts';
import { campaignCenterIdsInScope } from '../campaigns/scope.ts';

// A user's inbox. Only notifications about sessions and campaign events the user may still see
// are shown or counted, so someone moved to another school or centre is not pointed at pages
// that now answer 404.

type Reader = Pick<AuthUser, 'id' | 'role' | 'scope'>;

export const NOTIFICATION_PAGE_SIZE = 20;

/** A notification with what it is about as it is now, not as it was when it was written. */
export interface NotificationRow {
	id: number;
	event: NotificationEvent;
	created_at: string;
	read_at: string | null;
	actor_name: string | null;
	/** Set for a bell session's notification. */
	session_id: number | null;
	session_status: BellSessionStatus | null;
	school_name: string | null;
	/** Set for a campaign event's notification. */
	campaign_id: number | null;
	campaign_event_id: number | null;
	campaign_event_status: CampaignEventStatus | null;
	campaign_title: string | null;
	center_name: string | null;
	/** The session's or the event's local date and time, and its (campaign's) topic. */
	date: string;
	start_time: string;
	topic_fa: string;
	topic_en: string;
}

function notificationsOf(db: DB, user: Reader) {
	return db
		.selectFrom('notifications')
		.where('notifications.user_id', '=', user.id)
		.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('bell_sessions')
						.select('bell_sessions.id')
						.whereRef('bell_sessions.id', '=', 'notifications.bell_session_id')
						.where(bellSessionInScope(db, user))
				),
				eb.exists(
					eb
						.selectFrom('campaign_events')
						.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
						.select('campaign_events.id')
						.whereRef('campaign_events.id', '=', 'notifications.campaign_event_id')
						.where('campaigns.center_id', 'in', campaignCenterIdsInScope(db, user))
				)
			])
		);
}

/** One page of the user's notifications, newest first, and how many there are in all. */
export async function listNotifications(
	db: DB,
	user: Reader,
	page: number
): Promise<{ rows: NotificationRow[]; total: number }> {
	const [rows, count] = await Promise.all([
		notificationsOf(db, user)
			.leftJoin('bell_sessions', 'bell_sessions.id', 'notifications.bell_session_id')
			.leftJoin('schools', 'schools.id', 'bell_sessions.school_id')
			.leftJoin('campaign_events', 'campaign_events.id', 'notifications.campaign_event_id')
			.leftJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
			.leftJoin('centers', 'centers.id', 'campaigns.center_id')
			.innerJoin('topics', (join) =>
				join.on('topics.id', '=', sql<number>`coalesce(bell_sessions.topic_id, campaigns.topic_id)`)
			)
			.leftJoin('users as actors', 'actors.id', 'notifications.actor_id')
			.select([
				'notifications.id',
				'notifications.event',
				'notifications.created_at',
				'notifications.read_at',
				'actors.display_name as actor_name',
				'bell_sessions.id as session_id',
				'bell_sessions.status as session_status',
				'schools.name as school_name',
				'campaigns.id as campaign_id',
				'campaign_events.id as campaign_event_id',
				'campaign_events.status as campaign_event_status',
				'campaigns.title as campaign_title',
				'centers.name as center_name',
				sql<string>`coalesce(bell_sessions.date, campaign_events.date)`.as('date'),
				sql<string>`coalesce(bell_sessions.start_time, campaign_events.start_time)`.as(
					'start_time'
				),
				'topics.name_fa as topic_fa',
				'topics.name_en as topic_en'
			])
			.orderBy('notifications.created_at', 'desc')
			.orderBy('notifications.id', 'desc')
			.limit(NOTIFICATION_PAGE_SIZE)
			.offset((page - 1) * NOTIFICATION_PAGE_SIZE)
			.execute(),
		notificationsOf(db, user)
			.select((eb) => eb.fn.countAll<number>().as('total'))
			.executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.total) };
}

export async function countUnreadNotifications(db: DB, user: Reader): Promise<number> {
	const row = await notificationsOf(db, user)
		.where('notifications.read_at', 'is', null)
		.select((eb) => eb.fn.countAll<number>().as('unread'))
		.executeTakeFirstOrThrow();
	return Number(row.unread);
}

/**
 * Marks one of the user's notifications read (the first reading counts) and returns the path of
 * the page it is about; null when it is not the user's or that is out of their scope.
 */
export async function markNotificationRead(
	db: DB,
	user: Reader,
	id: number,
	now = new Date()
): Promise<string | null> {
	const row = await db
		.updateTable('notifications')
		.set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now.toISOString())) }))
		.where('id', 'in', notificationsOf(db, user).select('notifications.id'))
		.where('id', '=', id)
		.returning(['bell_session_id', 'campaign_event_id'])
		.executeTakeFirst();
	if (!row) return null;
	if (row.bell_session_id !== null) return `/sessions/${row.bell_session_id}`;
	const event = await db
		.selectFrom('campaign_events')
		.select('campaign_id')
		.where('id', '=', row.campaign_event_id ?? -1)
		.executeTakeFirstOrThrow();
	return `/campaigns/${event.campaign_id}#event-${row.campaign_event_id}`;
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllNotificationsRead(
	db: DB,
	user: Pick<Reader, 'id'>,
	now = new Date()
): Promise<number> {
	const result = await db
		.updateTable('notifications')
		.set({ read_at: now.toISOString() })
		.where('user_id', '=', user.id)
		.where('read_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
