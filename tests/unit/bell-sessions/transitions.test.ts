import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BellSessionStatus } from '../../../src/lib/server/db/schema.ts';
import type { BellSessionActor } from '../../../src/lib/server/bell-sessions/service.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import {
	availableActions,
	bellSessionActions,
	transitionBellSession,
	type BellSessionAction,
	type TransitionInput
} from '../../../src/lib/server/bell-sessions/transitions.ts';
import {
	actorOf,
	createSessionWorld,
	NOW,
	proposal,
	TUESDAY,
	type SessionWorld
} from './fixtures.ts';

// The handshake as a state machine: every action × every status × every demo account, each
// answered as the rules say, with one audit entry on success and nothing written otherwise.

const statuses: BellSessionStatus[] = [
	'proposed',
	'counter_proposed',
	'confirmed',
	'held',
	'declined',
	'cancelled'
];

const allowedFrom: Record<BellSessionAction, BellSessionStatus[]> = {
	confirm: ['proposed'],
	counter_propose: ['proposed'],
	decline: ['proposed'],
	accept: ['counter_proposed'],
	change_time: ['proposed', 'counter_proposed', 'confirmed'],
	cancel: ['proposed', 'counter_proposed', 'confirmed']
};
const schoolActions: BellSessionAction[] = ['confirm', 'counter_propose', 'decline'];

const expectedStatus: Record<BellSessionAction, BellSessionStatus> = {
	confirm: 'confirmed',
	counter_propose: 'counter_proposed',
	decline: 'declined',
	accept: 'confirmed',
	change_time: 'proposed',
	cancel: 'cancelled'
};

const expectedAudit = (action: BellSessionAction, from: BellSessionStatus) =>
	action === 'change_time'
		? from === 'counter_proposed'
			? 'bell_session_rescheduled'
			: 'bell_session_moved'
		: {
				confirm: 'bell_session_confirmed',
				counter_propose: 'bell_session_counter_proposed',
				decline: 'bell_session_declined',
				accept: 'bell_session_accepted',
				cancel: 'bell_session_cancelled'
			}[action];

// A free Wednesday slot for counter-proposals and moves.
const WEDNESDAY_SLOT = { date: '2026-12-02', start_time: '10:00', duration_minutes: 45 };

describe('bell-session handshake', () => {
	let world: SessionWorld;
	let actors: Record<string, BellSessionActor>;
	beforeAll(async () => {
		world = await createSessionWorld();
		actors = {};
		for (const name of ['admin', 'manager', 'manager2', 'staff', 'staff2', 'liaison'])
			actors[name] = await actorOf(world.db, `${name}@demo.test`);
	});
	afterAll(async () => world.db.destroy());

	/** A fresh session in the given status, with nothing else in the tables it touches. */
	async function sessionIn(status: BellSessionStatus): Promise<number> {
		const { db } = world;
		// Notifications go with their session.
		await db.deleteFrom('bell_sessions').execute();
		await db.deleteFrom('audit_log').execute();
		const result = await proposeBellSession(db, actors.manager!, proposal(world), NOW);
		if (!result.ok) throw new Error('proposal refused');
		await db.updateTable('bell_sessions').set({ status }).where('id', '=', result.id).execute();
		await db.deleteFrom('audit_log').execute();
		await db.deleteFrom('notifications').execute();
		return result.id;
	}

	function inputFor(action: BellSessionAction, sessionId: number): TransitionInput {
		return {
			sessionId,
			version: 1,
			action,
			slot: WEDNESDAY_SLOT,
			reason: 'اردوی علمی مدرسه'
		};
	}

	it('staff@ works for the school paired with دولاب (the setting of these tests)', () => {
		expect(actors.staff!.scope.schoolId).toBe(world.dowlab.schoolId);
	});

	for (const action of bellSessionActions) {
		for (const from of statuses) {
			for (const name of ['admin', 'manager', 'manager2', 'staff', 'staff2', 'liaison']) {
				const outOfScope = name === 'manager2' || name === 'staff2';
				const side = name.startsWith('staff') ? 'school' : name === 'liaison' ? null : 'centre';
				const rightSide = side === (schoolActions.includes(action) ? 'school' : 'centre');
				const expected = outOfScope
					? 'not_found'
					: !rightSide
						? 'forbidden'
						: allowedFrom[action].includes(from)
							? 'ok'
							: 'wrong_state';
				it(`${action} from ${from} by ${name}: ${expected}`, async () => {
					const { db } = world;
					const id = await sessionIn(from);
					const before = await db
						.selectFrom('bell_sessions')
						.selectAll()
						.where('id', '=', id)
						.executeTakeFirstOrThrow();
					const result = await transitionBellSession(db, actors[name]!, inputFor(action, id), NOW);
					const after = await db
						.selectFrom('bell_sessions')
						.selectAll()
						.where('id', '=', id)
						.executeTakeFirstOrThrow();
					const audit = await db.selectFrom('audit_log').selectAll().execute();
					const notified = await db.selectFrom('notifications').select('user_id').execute();
					if (expected === 'ok') {
						expect(notified.length).toBeGreaterThan(0);
						expect(notified.map((n) => n.user_id)).not.toContain(actors[name]!.id);
						expect(result).toEqual({ ok: true, status: expectedStatus[action], version: 2 });
						expect(after.status).toBe(expectedStatus[action]);
						expect(after.version).toBe(2);
						expect(audit).toHaveLength(1);
						expect(audit[0]).toMatchObject({
							action: expectedAudit(action, from),
							actor_id: actors[name]!.id,
							entity_type: 'bell_session',
							entity_id: id
						});
						expect(JSON.parse(audit[0]!.before!)).toMatchObject({ status: from, version: 1 });
						expect(JSON.parse(audit[0]!.after!)).toMatchObject({
							status: expectedStatus[action],
							version: 2
						});
						expect(availableActions(actors[name]!, before)).toContain(action);
					} else {
						expect(result).toEqual({ ok: false, error: expected });
						expect(after).toEqual(before);
						expect(audit).toHaveLength(0);
						expect(notified).toHaveLength(0);
						expect(availableActions(actors[name]!, before)).not.toContain(action);
					}
				});
			}
		}
	}

	it('moves carry the new slot and its UTC instants; the reason of a decline is audited', async () => {
		const { db } = world;
		const id = await sessionIn('proposed');
		await transitionBellSession(db, actors.staff!, inputFor('counter_propose', id), NOW);
		const row = await db
			.selectFrom('bell_sessions')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			date: '2026-12-02',
			start_time: '10:00',
			duration_minutes: 45,
			starts_at: '2026-12-02T06:30:00.000Z',
			ends_at: '2026-12-02T07:15:00.000Z'
		});

		const declined = await sessionIn('proposed');
		await transitionBellSession(
			db,
			actors.staff!,
			{ sessionId: declined, version: 1, action: 'decline', reason: '  امتحانات میان‌ترم  ' },
			NOW
		);
		const [entry] = await db.selectFrom('audit_log').selectAll().execute();
		expect(entry).toMatchObject({ action: 'bell_session_declined', reason: 'امتحانات میان‌ترم' });
	});

	it('refuses a decline or cancellation without a reason, and a counter-proposal that breaks a rule', async () => {
		const { db } = world;
		const id = await sessionIn('proposed');
		for (const [actor, action] of [
			[actors.staff!, 'decline'],
			[actors.manager!, 'cancel']
		] as const) {
			expect(
				await transitionBellSession(
					db,
					actor,
					{ sessionId: id, version: 1, action, reason: '   ' },
					NOW
				)
			).toEqual({ ok: false, error: 'reason_required' });
		}
		const friday = { date: '2026-12-04', start_time: '10:00', duration_minutes: 45 };
		expect(
			await transitionBellSession(
				db,
				actors.staff!,
				{ sessionId: id, version: 1, action: 'counter_propose', slot: friday },
				NOW
			)
		).toEqual({ ok: false, error: 'refused', refusal: { problem: 'friday' } });
		const row = await db
			.selectFrom('bell_sessions')
			.select(['status', 'version', 'date'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'proposed', version: 1, date: TUESDAY });
		expect(await db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
	});

	it('lets a session move onto part of its own old slot, and next to another session (touching)', async () => {
		const { db } = world;
		const id = await sessionIn('confirmed');
		// Another session at the same school right after: 09:00–10:00.
		const other = await proposeBellSession(
			db,
			actors.manager!,
			proposal(world, { start_time: '09:00', topic_id: world.topicId('violence') }),
			NOW
		);
		expect(other.ok).toBe(true);
		const half = await transitionBellSession(
			db,
			actors.manager!,
			{
				sessionId: id,
				version: 1,
				action: 'change_time',
				slot: { date: TUESDAY, start_time: '08:30', duration_minutes: 30 }
			},
			NOW
		);
		expect(half).toEqual({ ok: true, status: 'proposed', version: 2 });
		const overlapping = await transitionBellSession(
			db,
			actors.manager!,
			{
				sessionId: id,
				version: 2,
				action: 'change_time',
				slot: { date: TUESDAY, start_time: '08:30', duration_minutes: 45 }
			},
			NOW
		);
		expect(overlapping).toEqual({
			ok: false,
			error: 'refused',
			refusal: { problem: 'facilitator_busy' }
		});
	});

	it('refuses the second of two edits made from the same version, losing nothing', async () => {
		const { db } = world;
		const id = await sessionIn('proposed');
		const [first, second] = await Promise.all([
			transitionBellSession(db, actors.staff!, inputFor('confirm', id), NOW),
			transitionBellSession(db, actors.manager!, inputFor('change_time', id), NOW)
		]);
		expect(first).toEqual({ ok: true, status: 'confirmed', version: 2 });
		expect(second).toEqual({ ok: false, error: 'stale' });
		const row = await db
			.selectFrom('bell_sessions')
			.select(['status', 'version', 'date'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'confirmed', version: 2, date: TUESDAY });
		const audit = await db.selectFrom('audit_log').select('action').execute();
		expect(audit).toEqual([{ action: 'bell_session_confirmed' }]);
	});
});
