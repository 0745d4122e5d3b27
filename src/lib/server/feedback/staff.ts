import type { DB } from '../db/connect.ts';
import { recordAudit } from '../audit/repository.ts';
import { mayRateEvent, mayRateSession } from '../attendance/access.ts';
import { bellSessionInScope } from '../bell-sessions/scope.ts';
import type { BellSessionActor } from '../bell-sessions/service.ts';
import { findCampaignEventInScope } from '../campaigns/dated-events.ts';
import { subjectColumn, type FeedbackSubject } from './subject.ts';
import { inTransaction } from '../db/transaction.ts';

// The staff's rating of a held session (its school's staff) or campaign event (its centre's
// managers): relevance, the facilitator and how engaged those present were, 1–5 each, and a
// comment. One per person and subject; saving again edits it, with the version check, and each
// save is on the subject's history.

export interface StaffRatings {
	relevance: number;
	facilitator: number;
	engagement: number;
	comment: string;
}

export interface StaffFeedbackInput extends StaffRatings {
	subject: FeedbackSubject;
	/** The version of the user's own feedback the form was built from; 0 for none. */
	version: number;
}

export type StaffFeedbackResult =
	| { ok: true; version: number }
	| { ok: false; error: 'not_found' | 'forbidden' | 'not_held' | 'stale' | 'rating_invalid' };

export interface StaffFeedbackRow extends StaffRatings {
	user_id: number;
	user_name: string;
	updated_at: string;
	version: number;
}

const isRating = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;

/** Everyone's feedback on the subject, oldest first. */
export async function findStaffFeedback(
	db: DB,
	subject: FeedbackSubject
): Promise<StaffFeedbackRow[]> {
	const rows = await db
		.selectFrom('staff_feedback')
		.innerJoin('users', 'users.id', 'staff_feedback.user_id')
		.select([
			'staff_feedback.user_id',
			'users.display_name as user_name',
			'staff_feedback.relevance',
			'staff_feedback.facilitator',
			'staff_feedback.engagement',
			'staff_feedback.comment',
			'staff_feedback.updated_at',
			'staff_feedback.version'
		])
		.where(`staff_feedback.${subjectColumn(subject)}`, '=', subject.id)
		.orderBy('staff_feedback.id')
		.execute();
	return rows.map((row) => ({ ...row, comment: row.comment ?? '' }));
}

/** The subject in the user's scope: its state, and whether the user is one who rates it. */
async function findRateable(
	db: DB,
	user: BellSessionActor,
	subject: FeedbackSubject
): Promise<{ status: string; mayRate: boolean } | undefined> {
	if (subject.kind === 'campaign_event') {
		const event = await findCampaignEventInScope(db, user, subject.id);
		return event && { status: event.status, mayRate: mayRateEvent(user, event) };
	}
	const session = await db
		.selectFrom('bell_sessions')
		.select(['status', 'school_id', 'center_id'])
		.where('id', '=', subject.id)
		.where(bellSessionInScope(db, user))
		.executeTakeFirst();
	return session && { status: session.status, mayRate: mayRateSession(user, session) };
}

export async function saveStaffFeedback(
	db: DB,
	user: BellSessionActor,
	input: StaffFeedbackInput,
	now = new Date()
): Promise<StaffFeedbackResult> {
	return inTransaction(db, async (trx): Promise<StaffFeedbackResult> => {
		const { subject } = input;
		const rateable = await findRateable(trx, user, subject);
		if (!rateable) return { ok: false, error: 'not_found' };
		if (!rateable.mayRate) return { ok: false, error: 'forbidden' };
		if (rateable.status !== 'held') return { ok: false, error: 'not_held' };
		if (![input.relevance, input.facilitator, input.engagement].every(isRating))
			return { ok: false, error: 'rating_invalid' };

		const column = subjectColumn(subject);
		const current = await trx
			.selectFrom('staff_feedback')
			.selectAll()
			.where(column, '=', subject.id)
			.where('user_id', '=', user.id)
			.executeTakeFirst();
		if ((current?.version ?? 0) !== input.version) return { ok: false, error: 'stale' };

		const at = now.toISOString();
		const values = {
			relevance: input.relevance,
			facilitator: input.facilitator,
			engagement: input.engagement,
			comment: input.comment.trim() || null,
			updated_at: at
		};
		const saved = current
			? await trx
					.updateTable('staff_feedback')
					.set({ ...values, version: current.version + 1 })
					.where('id', '=', current.id)
					.where('version', '=', input.version)
					.returningAll()
					.executeTakeFirst()
			: await trx
					.insertInto('staff_feedback')
					.values({ ...values, [column]: subject.id, user_id: user.id, created_at: at })
					.returningAll()
					.executeTakeFirstOrThrow();
		if (!saved) return { ok: false, error: 'stale' };
		await recordAudit(
			trx,
			{
				actorId: user.id,
				ip: user.ip,
				action: 'staff_feedback_saved',
				entityType: subject.kind,
				entityId: subject.id,
				before: current ?? null,
				after: saved
			},
			now
		);
		return { ok: true, version: saved.version };
	});
}
