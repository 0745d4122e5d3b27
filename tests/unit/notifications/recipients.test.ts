import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	proposeBellSession,
	type BellSessionActor
} from '../../../src/lib/server/bell-sessions/service.ts';
import type { BellSessionEvent } from '../../../src/lib/server/db/schema.ts';
import {
	NOW,
	actorOf,
	createSessionWorld,
	proposal,
	type SessionWorld
} from '../bell-sessions/fixtures.ts';
import { addDowlabColleagues, freshSession, notify, recipientsOf } from './fixtures.ts';
import { refusedBy } from '../../helpers/test-db.ts';

// Who hears of what: the other side of the handshake, never the actor, never a deactivated
// account, and nobody at another school or centre.

describe('who is notified of a bell-session event', () => {
	let world: SessionWorld;
	let staff: BellSessionActor;
	beforeAll(async () => {
		world = await createSessionWorld();
		await addDowlabColleagues(world);
		staff = await actorOf(world.db, 'staff@demo.test');
	});
	afterAll(async () => world.db.destroy());
	beforeEach(async () => {
		await world.db.deleteFrom('bell_sessions').execute();
	});

	it.each<BellSessionEvent>(['proposed', 'rescheduled', 'moved', 'accepted'])(
		'tells the active staff of the session’s school when the centre acts (%s)',
		async (event) => {
			const id = await freshSession(world, world.manager);
			await notify(world, id, event, world.manager);
			expect(await recipientsOf(world.db, id, event)).toEqual(['staff-b@test', 'staff@demo.test']);
		}
	);

	it.each<BellSessionEvent>(['confirmed', 'counter_proposed', 'declined'])(
		'tells the active managers of the session’s centre when the school answers (%s)',
		async (event) => {
			const id = await freshSession(world, world.manager);
			await notify(world, id, event, staff);
			// manager@ is both a manager of the centre and the proposer: told once.
			expect(await recipientsOf(world.db, id, event)).toEqual([
				'manager-b@test',
				'manager@demo.test'
			]);
		}
	);

	it('tells the proposer of the school’s answer even when they are not a centre manager', async () => {
		const id = await freshSession(world, world.admin);
		await notify(world, id, 'confirmed', staff);
		expect(await recipientsOf(world.db, id, 'confirmed')).toEqual([
			'admin@demo.test',
			'manager-b@test',
			'manager@demo.test'
		]);
	});

	it('does not tell a proposer whose account has been deactivated', async () => {
		const id = await freshSession(world, world.admin);
		await world.db
			.updateTable('users')
			.set({ active: 0 })
			.where('id', '=', world.admin.id)
			.execute();
		try {
			await notify(world, id, 'declined', staff);
		} finally {
			await world.db
				.updateTable('users')
				.set({ active: 1 })
				.where('id', '=', world.admin.id)
				.execute();
		}
		expect(await recipientsOf(world.db, id, 'declined')).toEqual([
			'manager-b@test',
			'manager@demo.test'
		]);
	});

	it('tells both sides of a cancellation, but not the one who cancelled', async () => {
		const id = await freshSession(world, world.manager);
		await notify(world, id, 'cancelled', world.manager);
		expect(await recipientsOf(world.db, id, 'cancelled')).toEqual([
			'manager-b@test',
			'staff-b@test',
			'staff@demo.test'
		]);
	});

	it('does not tell a proposing admin of a cancellation', async () => {
		const id = await freshSession(world, world.admin);
		await notify(world, id, 'cancelled', world.manager);
		expect(await recipientsOf(world.db, id, 'cancelled')).not.toContain('admin@demo.test');
	});

	it('never tells the actor, even when they are one of the people concerned', async () => {
		const id = await freshSession(world, world.manager);
		const colleague = await actorOf(world.db, 'staff-b@test');
		await notify(world, id, 'moved', colleague);
		expect(await recipientsOf(world.db, id, 'moved')).toEqual(['staff@demo.test']);
	});

	it('tells nobody at other schools or centres, nor liaisons', async () => {
		const id = await freshSession(world, world.manager);
		for (const event of ['proposed', 'confirmed', 'cancelled'] as const)
			await notify(world, id, event, world.admin);
		const told = await world.db
			.selectFrom('notifications')
			.innerJoin('users', 'users.id', 'notifications.user_id')
			.select('users.email')
			.distinct()
			.execute();
		const emails = told.map((r) => r.email);
		for (const outsider of ['staff2@demo.test', 'manager2@demo.test', 'liaison@demo.test'])
			expect(emails).not.toContain(outsider);
		expect(emails).not.toContain('staff-gone@test');
		expect(emails).not.toContain('manager-gone@test');
	});

	it('stores the facts, not a sentence: the session, the event, who did it and when', async () => {
		const id = await freshSession(world, world.manager);
		await notify(world, id, 'proposed', world.manager);
		const row = await world.db
			.selectFrom('notifications')
			.selectAll()
			.where('bell_session_id', '=', id)
			.orderBy('id')
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			bell_session_id: id,
			event: 'proposed',
			actor_id: world.manager.id,
			created_at: NOW.toISOString(),
			read_at: null
		});
	});

	it('is written when a session is proposed', async () => {
		const result = await proposeBellSession(world.db, world.manager, proposal(world), NOW);
		if (!result.ok) throw new Error('proposal refused');
		expect(await recipientsOf(world.db, result.id, 'proposed')).toEqual([
			'staff-b@test',
			'staff@demo.test'
		]);
	});

	it('refuses an event the inbox does not know', async () => {
		const id = await freshSession(world, world.manager);
		await expect(
			world.db
				.insertInto('notifications')
				.values({
					user_id: staff.id,
					bell_session_id: id,
					event: 'held' as BellSessionEvent,
					actor_id: null,
					created_at: NOW.toISOString()
				})
				.execute()
		).rejects.toThrow(refusedBy.check);
	});
});
