import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSessionsNeedingAction } from '../../../src/lib/server/bell-sessions/repository.ts';
import type { BellSessionActor } from '../../../src/lib/server/bell-sessions/service.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import { transitionBellSession } from '../../../src/lib/server/bell-sessions/transitions.ts';
import { actorOf, createSessionWorld, NOW, proposal, type SessionWorld } from './fixtures.ts';

// "Needs your action" on the home pages: each role sees what waits on it, and only in its scope.

const days = (n: number) => new Date(NOW.getTime() + n * 24 * 60 * 60 * 1000);

describe('sessions needing action', () => {
	let world: SessionWorld;
	const actors: Record<string, BellSessionActor> = {};
	const ids: Record<'proposed' | 'countered' | 'confirmed', number> = {
		proposed: 0,
		countered: 0,
		confirmed: 0
	};

	beforeAll(async () => {
		world = await createSessionWorld();
		for (const name of ['admin', 'manager', 'manager2', 'staff', 'staff2', 'liaison'])
			actors[name] = await actorOf(world.db, `${name}@demo.test`);
		const propose = async (start_time: string, topic: string) => {
			const result = await proposeBellSession(
				world.db,
				actors.manager!,
				proposal(world, { start_time, topic_id: world.topicId(topic) }),
				NOW
			);
			if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
			return result.id;
		};
		ids.proposed = await propose('08:00', 'addiction');
		ids.countered = await propose('09:00', 'violence');
		ids.confirmed = await propose('10:00', 'cyberspace');
		const answer = { version: 1, reason: undefined };
		await transitionBellSession(
			world.db,
			actors.staff!,
			{
				...answer,
				sessionId: ids.countered,
				action: 'counter_propose',
				slot: { date: '2026-12-02', start_time: '09:00', duration_minutes: 60 }
			},
			NOW
		);
		await transitionBellSession(
			world.db,
			actors.staff!,
			{ ...answer, sessionId: ids.confirmed, action: 'confirm' },
			NOW
		);
	});
	afterAll(async () => world.db.destroy());

	async function idsFor(name: string, at: Date) {
		const lists = await findSessionsNeedingAction(world.db, actors[name]!, at);
		return Object.fromEntries(lists.map((l) => [l.kind, l.rows.map((r) => r.id)]));
	}

	it('shows the school its proposals and the centre its counter-proposals', async () => {
		expect(await idsFor('staff', NOW)).toEqual({
			awaiting_school: [ids.proposed],
			attendance_overdue: []
		});
		expect(await idsFor('manager', NOW)).toEqual({
			awaiting_centre: [ids.countered],
			attendance_overdue: []
		});
	});

	it('shows admins and liaisons proposals left unanswered past the deadline (3 days)', async () => {
		expect((await idsFor('liaison', days(2))).past_response_deadline).toEqual([]);
		expect((await idsFor('liaison', days(3.5))).past_response_deadline).toEqual([ids.proposed]);
		expect((await idsFor('admin', days(3.5))).past_response_deadline).toEqual([ids.proposed]);
		await world.db
			.insertInto('settings')
			.values({ district_id: 1, response_deadline_days: 5 })
			.execute();
		expect((await idsFor('admin', days(3.5))).past_response_deadline).toEqual([]);
		// The shortest deadline a district may set, a day: passed just after it.
		await world.db.updateTable('settings').set({ response_deadline_days: 1 }).execute();
		expect((await idsFor('admin', days(0.99))).past_response_deadline).toEqual([]);
		expect((await idsFor('admin', days(1.01))).past_response_deadline).toEqual([ids.proposed]);
		await world.db.deleteFrom('settings').execute();
	});

	it('shows confirmed sessions whose end has passed as attendance overdue', async () => {
		// The confirmed session is on 2026-12-01 10:00–11:00 Tehran time.
		const before = new Date('2026-12-01T07:29:00.000Z');
		const after = new Date('2026-12-01T07:31:00.000Z');
		expect((await idsFor('staff', before)).attendance_overdue).toEqual([]);
		expect((await idsFor('staff', after)).attendance_overdue).toEqual([ids.confirmed]);
		expect((await idsFor('manager', after)).attendance_overdue).toEqual([ids.confirmed]);
		expect((await idsFor('liaison', after)).attendance_overdue).toEqual([ids.confirmed]);
	});

	it('shows nothing of another school or centre', async () => {
		const later = days(30);
		for (const name of ['staff2', 'manager2']) {
			const lists = await findSessionsNeedingAction(world.db, actors[name]!, later);
			expect(lists.every((l) => l.total === 0 && l.rows.length === 0)).toBe(true);
		}
	});
});
