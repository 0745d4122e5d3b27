import type { DB } from '../db/connect.ts';
import { findCampaignEventInScope, type DatedCampaignEvent } from '../campaigns/dated-events.ts';
import { eventCountFields, type EventAttendanceCounts } from '../../attendance/event-counts.ts';
import { mayRecordEventAttendance } from './access.ts';
import {
	recordAttendance,
	setHeld,
	type AttendanceActor,
	type AttendanceKind,
	type RecordingResult
} from './record.ts';
import { findEventAttendance } from './repository.ts';
import { eventCountsProblem } from './rules.ts';

// Recording a campaign event's attendance (see record.ts): adults, youth and children by gender,
// one row of campaign_event_attendance. Recording it marks a scheduled event held, which takes
// it off the overdue lists.

export interface EventAttendanceInput {
	eventId: number;
	/** The attendance's version the form was built from; 0 when none had been recorded. */
	version: number;
	counts: EventAttendanceCounts;
}

/** Only the six counts, whatever else the object carries (a record's names, its version). */
const countsOnly = (counts: EventAttendanceCounts): EventAttendanceCounts =>
	Object.fromEntries(
		eventCountFields.map((field) => [field, counts[field]])
	) as EventAttendanceCounts;

const campaignEventAttendance: AttendanceKind<DatedCampaignEvent, EventAttendanceCounts> = {
	entityType: 'campaign_event',
	find: findCampaignEventInScope,
	mayRecord: mayRecordEventAttendance,
	findRecorded: findEventAttendance,
	checked(_event, counts) {
		const problem = eventCountsProblem(counts);
		return problem ? { problem } : { counts: countsOnly(counts) };
	},
	snapshot: countsOnly,
	async markHeld(db, event, at) {
		// Held on a day a closure covers: the question the closure raised is answered.
		if (event.needs_attention)
			await db
				.updateTable('campaign_events')
				.set({ needs_attention: 0, attention_closure_id: null })
				.where('id', '=', event.id)
				.execute();
		return setHeld(db, 'campaign_events', event, at);
	},
	async save(db, id, counts, over, by, at) {
		if (!over) {
			await db
				.insertInto('campaign_event_attendance')
				.values({
					...counts,
					campaign_event_id: id,
					recorded_by: by,
					recorded_at: at,
					updated_at: at
				})
				.execute();
			return true;
		}
		const updated = await db
			.updateTable('campaign_event_attendance')
			.set({ ...counts, updated_by: by, updated_at: at, version: over + 1 })
			.where('campaign_event_id', '=', id)
			.where('version', '=', over)
			.executeTakeFirst();
		return updated.numUpdatedRows > 0n;
	}
};

export async function recordCampaignEventAttendance(
	db: DB,
	user: AttendanceActor,
	{ eventId, version, counts }: EventAttendanceInput,
	now = new Date()
): Promise<RecordingResult> {
	return recordAttendance(db, user, campaignEventAttendance, { id: eventId, version, counts }, now);
}
