import type { DB } from '../db/connect.ts';
import type { BellSessionStatus, CampaignEventStatus } from '../db/schema.ts';
import { recordAudit } from '../audit/repository.ts';
import type { BellSessionActor } from '../bell-sessions/service.ts';
import { recordingProblem, sameCounts, type AttendanceProblem } from './rules.ts';
import { inTransaction } from '../db/transaction.ts';

// Recording attendance, one way for bell sessions and campaign events. The first recording of a
// subject that has started marks it held (a confirmed session, a scheduled event) in the same
// transaction; later recordings edit the counts. Both check the version the form was built from
// and leave an audit entry on the subject (before and after), so its history shows who recorded
// or changed what, and when. What differs (where the subject and its counts live, who records,
// which counts are valid) is the subject's AttendanceKind.

export type AttendanceActor = BellSessionActor;

export interface RecordableSubject {
	id: number;
	status: BellSessionStatus | CampaignEventStatus;
	starts_at: string;
	version: number;
}

export interface AttendanceKind<Subject extends RecordableSubject, Counts> {
	entityType: 'bell_session' | 'campaign_event';
	/** The subject, if it lies in the user's scope. */
	find(db: DB, user: AttendanceActor, id: number): Promise<Subject | undefined>;
	mayRecord(user: AttendanceActor, subject: Subject): boolean;
	/** What is recorded, if anything. */
	findRecorded(db: DB, id: number): Promise<(Counts & { version: number }) | undefined>;
	/** The counts as they are stored for the subject, or why they are refused. */
	checked(subject: Subject, counts: Counts): { counts: Counts } | { problem: AttendanceProblem };
	/** The counts as one flat record, compared and kept in the audit log. */
	snapshot(counts: Counts): Record<string, number>;
	/** Marks the subject held; false when its version has moved on. */
	markHeld(db: DB, subject: Subject, at: string): Promise<boolean>;
	/** Writes the counts over the recorded version `over` (0: none yet); false when it moved on. */
	save(db: DB, id: number, counts: Counts, over: number, by: number, at: string): Promise<boolean>;
}

export interface AttendanceRecording<Counts> {
	id: number;
	/** The attendance's version the form was built from; 0 when none had been recorded. */
	version: number;
	counts: Counts;
}

export type RecordingResult =
	| { ok: true; changed: boolean; status: RecordableSubject['status'] }
	| { ok: false; error: 'not_found' | 'forbidden' | 'stale' }
	| { ok: false; error: 'refused'; problem: AttendanceProblem };

/** A write found the row changed since it was read: roll the whole transaction back. */
class StaleWrite extends Error {}

export async function recordAttendance<Subject extends RecordableSubject, Counts>(
	db: DB,
	user: AttendanceActor,
	kind: AttendanceKind<Subject, Counts>,
	input: AttendanceRecording<Counts>,
	now = new Date()
): Promise<RecordingResult> {
	try {
		return await inTransaction(db, async (trx): Promise<RecordingResult> => {
			const subject = await kind.find(trx, user, input.id);
			if (!subject) return { ok: false, error: 'not_found' };
			if (!kind.mayRecord(user, subject)) return { ok: false, error: 'forbidden' };
			const notNow = recordingProblem(subject, now);
			if (notNow) return { ok: false, error: 'refused', problem: notNow };

			const recorded = await kind.findRecorded(trx, subject.id);
			if ((recorded?.version ?? 0) !== input.version) return { ok: false, error: 'stale' };
			const checked = kind.checked(subject, input.counts);
			if ('problem' in checked) return { ok: false, error: 'refused', problem: checked.problem };
			const after = kind.snapshot(checked.counts);
			if (recorded && sameCounts(kind.snapshot(recorded), after))
				return { ok: true, changed: false, status: subject.status };

			const at = now.toISOString();
			if (subject.status !== 'held' && !(await kind.markHeld(trx, subject, at)))
				throw new StaleWrite();
			if (!(await kind.save(trx, subject.id, checked.counts, input.version, user.id, at)))
				throw new StaleWrite();
			await recordAudit(
				trx,
				{
					actorId: user.id,
					ip: user.ip,
					action: recorded ? 'attendance_updated' : 'attendance_recorded',
					entityType: kind.entityType,
					entityId: subject.id,
					before: recorded ? kind.snapshot(recorded) : { status: subject.status },
					after: recorded ? after : { status: 'held', ...after }
				},
				now
			);
			return { ok: true, changed: true, status: 'held' };
		});
	} catch (error) {
		if (error instanceof StaleWrite) return { ok: false, error: 'stale' };
		throw error;
	}
}

/** Marks a confirmed session or a scheduled event held, if its version is still `version`. */
export async function setHeld(
	db: DB,
	table: 'bell_sessions' | 'campaign_events',
	subject: Pick<RecordableSubject, 'id' | 'version'>,
	at: string
): Promise<boolean> {
	const held = await db
		.updateTable(table)
		.set({ status: 'held', updated_at: at, version: subject.version + 1 })
		.where('id', '=', subject.id)
		.where('version', '=', subject.version)
		.executeTakeFirst();
	return held.numUpdatedRows > 0n;
}
