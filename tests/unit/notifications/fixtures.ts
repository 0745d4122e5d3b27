import type { DB } from '../../../src/lib/server/db/connect.ts';
import type { BellSessionEvent } from '../../../src/lib/server/db/schema.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import type { BellSessionActor } from '../../../src/lib/server/bell-sessions/service.ts';
import { notifyBellSessionEvent } from '../../../src/lib/server/notifications/service.ts';
import { NOW, proposal, type SessionWorld } from '../bell-sessions/fixtures.ts';

// Besides the demo accounts (staff@ works at دولاب's paired school, manager@ runs دولاب's centre,
// staff2@ and manager2@ elsewhere): a colleague of each at دولاب, and a deactivated one of each.

export async function addUser(
	db: DB,
	email: string,
	values: {
		role: 'school_staff' | 'center_manager';
		schoolId?: number;
		centerId?: number;
		active?: 0 | 1;
	}
): Promise<number> {
	const { id } = await db
		.insertInto('users')
		.values({
			email,
			display_name: email,
			password_hash: 'not-a-hash',
			role: values.role,
			school_id: values.schoolId ?? null,
			active: values.active ?? 1,
			created_at: NOW.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (values.centerId !== undefined)
		await db
			.insertInto('user_centers')
			.values({ user_id: id, center_id: values.centerId })
			.execute();
	return id;
}

export async function addDowlabColleagues(world: SessionWorld): Promise<void> {
	const { db, dowlab } = world;
	await addUser(db, 'staff-b@test', { role: 'school_staff', schoolId: dowlab.schoolId });
	await addUser(db, 'staff-gone@test', {
		role: 'school_staff',
		schoolId: dowlab.schoolId,
		active: 0
	});
	await addUser(db, 'manager-b@test', { role: 'center_manager', centerId: dowlab.centerId });
	await addUser(db, 'manager-gone@test', {
		role: 'center_manager',
		centerId: dowlab.centerId,
		active: 0
	});
}

/**
 * A session proposed for دولاب's school, with the inbox emptied afterwards: proposing already
 * notifies, and each test says itself which events it sends.
 */
export async function freshSession(
	world: SessionWorld,
	proposer: BellSessionActor,
	values: Parameters<typeof proposal>[1] = {}
): Promise<number> {
	const result = await proposeBellSession(world.db, proposer, proposal(world, values), NOW);
	if (!result.ok) throw new Error(`proposal refused: ${JSON.stringify(result)}`);
	await world.db.deleteFrom('notifications').execute();
	return result.id;
}

export async function notify(
	world: SessionWorld,
	sessionId: number,
	event: BellSessionEvent,
	actor: { id: number },
	now = NOW
): Promise<void> {
	await notifyBellSessionEvent(world.db, { sessionId, event, actorId: actor.id }, now);
}

/** The emails of everyone notified of `event` about the session, sorted. */
export async function recipientsOf(
	db: DB,
	sessionId: number,
	event: BellSessionEvent
): Promise<string[]> {
	const rows = await db
		.selectFrom('notifications')
		.innerJoin('users', 'users.id', 'notifications.user_id')
		.select('users.email')
		.where('notifications.bell_session_id', '=', sessionId)
		.where('notifications.event', '=', event)
		.orderBy('users.email')
		.execute();
	return rows.map((r) => r.email);
}
