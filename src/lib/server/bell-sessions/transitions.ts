import type { DB } from '../db/connect.ts';
import { REASON_MAX } from '../../schemas/fields.ts';
import type { BellSession, BellSessionStatus } from '../db/schema.ts';
import { recordAudit, type AuditAction } from '../audit/repository.ts';
import { notifyBellSessionEvent, type BellSessionEvent } from '../notifications/service.ts';
import { checkSlot, type SlotProblem } from './rules.ts';
import { bellSessionInScope } from './scope.ts';
import type { BellSessionActor } from './service.ts';
import { sessionInstants } from './time.ts';
import type { WorkflowError } from '../workflow-refusal.ts';
import { inTransaction } from '../db/transaction.ts';

// The handshake after a proposal (DESIGN.md, "Bell-session workflow"). The school answers a
// proposal: confirm, counter-propose another slot, or decline with a reason. The centre (its
// manager, or an admin) accepts a counter-proposal, changes the time (which sends the session
// back to the school), or cancels with a reason. Each transition runs in one transaction, checks
// role, scope, state and the version the user saw, and leaves an audit entry and notifications.

export const bellSessionActions = [
	'confirm',
	'counter_propose',
	'decline',
	'accept',
	'change_time',
	'cancel'
] as const;
export type BellSessionAction = (typeof bellSessionActions)[number];

type Side = 'school' | 'centre';

interface Transition {
	side: Side;
	from: readonly BellSessionStatus[];
	to: BellSessionStatus;
	/** Counter-proposals and time changes carry a new slot; declines and cancellations a reason. */
	needs: 'slot' | 'reason' | null;
}

const transitions: Record<BellSessionAction, Transition> = {
	confirm: { side: 'school', from: ['proposed'], to: 'confirmed', needs: null },
	counter_propose: { side: 'school', from: ['proposed'], to: 'counter_proposed', needs: 'slot' },
	decline: { side: 'school', from: ['proposed'], to: 'declined', needs: 'reason' },
	accept: { side: 'centre', from: ['counter_proposed'], to: 'confirmed', needs: null },
	change_time: {
		side: 'centre',
		from: ['proposed', 'counter_proposed', 'confirmed'],
		to: 'proposed',
		needs: 'slot'
	},
	cancel: {
		side: 'centre',
		from: ['proposed', 'counter_proposed', 'confirmed'],
		to: 'cancelled',
		needs: 'reason'
	}
};

export interface NewSlot {
	/** Local 'YYYY-MM-DD' and 'HH:MM'. */
	date: string;
	start_time: string;
	duration_minutes: number;
}

export interface TransitionInput {
	sessionId: number;
	/** The version the user's form was built from. */
	version: number;
	action: BellSessionAction;
	slot?: NewSlot;
	reason?: string;
}

export type TransitionResult =
	| { ok: true; status: BellSessionStatus; version: number }
	| { ok: false; error: WorkflowError }
	| { ok: false; error: 'refused'; refusal: SlotProblem };

function sideOf(user: BellSessionActor, session: Pick<BellSession, 'school_id' | 'center_id'>) {
	if (user.role === 'school_staff' && user.scope.schoolId === session.school_id) return 'school';
	if (user.role === 'admin') return 'centre';
	if (user.role === 'center_manager' && user.scope.centerIds.includes(session.center_id))
		return 'centre';
	return null;
}

/** Whether the action belongs to this user's side of the handshake (in whatever state). */
export function isActionOfUser(
	user: BellSessionActor,
	session: Pick<BellSession, 'school_id' | 'center_id'>,
	action: BellSessionAction
): boolean {
	return sideOf(user, session) === transitions[action].side;
}

/** The actions this user may take on the session now (for the session page's buttons). */
export function availableActions(
	user: BellSessionActor,
	session: Pick<BellSession, 'school_id' | 'center_id' | 'status'>
): BellSessionAction[] {
	const side = sideOf(user, session);
	return bellSessionActions.filter((action) => {
		const t = transitions[action];
		return t.side === side && t.from.includes(session.status);
	});
}

function auditActionOf(action: BellSessionAction, from: BellSessionStatus): AuditAction {
	switch (action) {
		case 'confirm':
			return 'bell_session_confirmed';
		case 'counter_propose':
			return 'bell_session_counter_proposed';
		case 'decline':
			return 'bell_session_declined';
		case 'accept':
			return 'bell_session_accepted';
		case 'change_time':
			return from === 'counter_proposed' ? 'bell_session_rescheduled' : 'bell_session_moved';
		case 'cancel':
			return 'bell_session_cancelled';
	}
}

function eventOf(action: BellSessionAction, from: BellSessionStatus): BellSessionEvent {
	if (action === 'change_time') return from === 'counter_proposed' ? 'rescheduled' : 'moved';
	const events: Record<Exclude<BellSessionAction, 'change_time'>, BellSessionEvent> = {
		confirm: 'confirmed',
		counter_propose: 'counter_proposed',
		decline: 'declined',
		accept: 'accepted',
		cancel: 'cancelled'
	};
	return events[action];
}

export async function transitionBellSession(
	db: DB,
	user: BellSessionActor,
	input: TransitionInput,
	now = new Date()
): Promise<TransitionResult> {
	return inTransaction(db, async (trx): Promise<TransitionResult> => {
		const session = await trx
			.selectFrom('bell_sessions')
			.innerJoin('neighborhoods', 'neighborhoods.id', 'bell_sessions.neighborhood_id')
			.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
			.selectAll('bell_sessions')
			.select('areas.district_id')
			.where('bell_sessions.id', '=', input.sessionId)
			.where(bellSessionInScope(trx, user))
			.executeTakeFirst();
		if (!session) return { ok: false, error: 'not_found' };
		const transition = transitions[input.action];
		if (!isActionOfUser(user, session, input.action)) return { ok: false, error: 'forbidden' };
		if (session.version !== input.version) return { ok: false, error: 'stale' };
		if (!transition.from.includes(session.status)) return { ok: false, error: 'wrong_state' };

		const reason = input.reason?.trim().slice(0, REASON_MAX) || null;
		if (transition.needs === 'reason' && !reason) return { ok: false, error: 'reason_required' };
		let slot = {};
		if (transition.needs === 'slot') {
			const next = input.slot;
			if (!next) return { ok: false, error: 'refused', refusal: { problem: 'date_invalid' } };
			const problem = await checkSlot(trx, {
				districtId: session.district_id,
				schoolId: session.school_id,
				centerId: session.center_id,
				facilitatorId: session.facilitator_id,
				date: next.date,
				startTime: next.start_time,
				durationMinutes: next.duration_minutes,
				excludeSessionId: session.id,
				now
			});
			if (problem) return { ok: false, error: 'refused', refusal: problem };
			slot = {
				date: next.date,
				start_time: next.start_time,
				duration_minutes: next.duration_minutes,
				...sessionInstants(next.date, next.start_time, next.duration_minutes)
			};
		}

		// The version in the WHERE clause makes the check and the write one step.
		const updated = await trx
			.updateTable('bell_sessions')
			.set({
				...slot,
				status: transition.to,
				updated_at: now.toISOString(),
				version: session.version + 1
			})
			.where('id', '=', session.id)
			.where('version', '=', input.version)
			.returningAll()
			.executeTakeFirst();
		if (!updated) return { ok: false, error: 'stale' };

		const { district_id: _district, ...before } = session;
		await recordAudit(
			trx,
			{
				actorId: user.id,
				ip: user.ip,
				action: auditActionOf(input.action, session.status),
				entityType: 'bell_session',
				entityId: session.id,
				before,
				after: updated,
				reason
			},
			now
		);
		await notifyBellSessionEvent(
			trx,
			{ sessionId: session.id, event: eventOf(input.action, session.status), actorId: user.id },
			now
		);
		return { ok: true, status: updated.status, version: updated.version };
	});
}
