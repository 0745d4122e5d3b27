import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import type { BellSessionEvent, BellSessionStatus } from '../db/schema.ts';
import { bellSessionIdsInScope } from '../bell-sessions/scope.ts';

// A user's inbox. Only notifications about sessions the user may still see are shown or counted,
// so someone moved to another school or centre is not pointed at sessions that now answer 404.

type Reader = Pick<AuthUser, 'id' | 'role' | 'scope'>;

export const NOTIFICATION_PAGE_SIZE = 20;

export interface NotificationRow {
	id: number;
	event: BellSessionEvent;
	created_at: string;
	read_at: string | null;
	actor_name: string | null;
	session_id: number;
	session_status: BellSessionStatus;
	/** The session as it is now, not as it was when the notification was written. */
	date: string;
	start_time: string;
	topic_fa: string;
	topic_en: string;
	school_name: string;
}

function notificationsOf(db: DB, user: Reader) {
	return db
		.selectFrom('notifications')
		.innerJoin('bell_sessions', 'bell_sessions.id', 'notifications.bell_session_id')
		.where('notifications.user_id', '=', user.id)
		.where('notifications.bell_session_id', 'in', bellSessionIdsInScope(db, user));
}

/** One page of the user's notifications, newest first, and how many there are in all. */
export async function listNotifications(
	db: DB,
	user: Reader,
	page: number
): Promise<{ rows: NotificationRow[]; total: number }> {
	const [rows, count] = await Promise.all([
		notificationsOf(db, user)
			.innerJoin('topics', 'topics.id', 'bell_sessions.topic_id')
			.innerJoin('schools', 'schools.id', 'bell_sessions.school_id')
			.leftJoin('users as actors', 'actors.id', 'notifications.actor_id')
			.select([
				'notifications.id',
				'notifications.event',
				'notifications.created_at',
				'notifications.read_at',
				'actors.display_name as actor_name',
				'bell_sessions.id as session_id',
				'bell_sessions.status as session_status',
				'bell_sessions.date',
				'bell_sessions.start_time',
				'topics.name_fa as topic_fa',
				'topics.name_en as topic_en',
				'schools.name as school_name'
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
 * Marks one of the user's notifications read (the first reading counts) and returns the session
 * it is about; null when it is not the user's or its session is out of their scope.
 */
export async function markNotificationRead(
	db: DB,
	user: Reader,
	id: number,
	now = new Date()
): Promise<number | null> {
	const row = await db
		.updateTable('notifications')
		.set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now.toISOString())) }))
		.where('id', '=', id)
		.where('user_id', '=', user.id)
		.where('bell_session_id', 'in', bellSessionIdsInScope(db, user))
		.returning('bell_session_id')
		.executeTakeFirst();
	return row?.bell_session_id ?? null;
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
