import type { DB } from '../../../src/lib/server/db/connect.ts';
import { recordCampaignEventAttendance } from '../../../src/lib/server/attendance/event-service.ts';
import { recordBellSessionAttendance } from '../../../src/lib/server/attendance/service.ts';
import { transitionBellSession } from '../../../src/lib/server/bell-sessions/transitions.ts';
import { changeCampaignEvent } from '../../../src/lib/server/campaigns/events.ts';
import type { FeedbackSubject } from '../../../src/lib/server/feedback/subject.ts';
import { createEventWorld, eventCounts } from '../attendance/event-fixtures.ts';
import { counts, createAttendanceWorld, momentsOf } from '../attendance/fixtures.ts';
import { NOW } from '../bell-sessions/fixtures.ts';

// What the feedback rules need of a subject, the same for a bell session and a campaign event,
// so each rule is tested once against both: a new one that takes answers (a confirmed session,
// a scheduled event), moments around it, its cancellation, and attendance of so many people.

export interface SubjectWorld {
	kind: FeedbackSubject['kind'];
	db: DB;
	create(): Promise<number>;
	moments(id: number): ReturnType<typeof momentsOf>;
	cancel(id: number): Promise<void>;
	/** Records `present` people, over the recorded version `version` (0 for none). */
	record(id: number, present: number, version: number, at: Date): Promise<void>;
}

function ok(result: { ok: boolean }): void {
	if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
}

export async function sessionSubjects(): Promise<SubjectWorld> {
	const world = await createAttendanceWorld();
	return {
		kind: 'bell_session',
		db: world.db,
		create: () => world.session(),
		moments: (id) => momentsOf(world, id),
		async cancel(id) {
			ok(
				await transitionBellSession(world.db, world.as.manager, {
					sessionId: id,
					version: 2,
					action: 'cancel',
					reason: 'تعطیلی ناگهانی'
				})
			);
		},
		async record(id, present, version, at) {
			// 3 teachers and 45 students; the rest are parents.
			const input = counts(id, { version, parents: present - 48 });
			ok(await recordBellSessionAttendance(world.db, world.as.staff, input, at));
		}
	};
}

export async function eventSubjects(): Promise<SubjectWorld> {
	const world = await createEventWorld();
	return {
		kind: 'campaign_event',
		db: world.db,
		create: () => world.event(),
		moments: world.moments,
		async cancel(id) {
			const event = await world.db
				.selectFrom('campaign_events')
				.selectAll()
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			ok(
				await changeCampaignEvent(
					world.db,
					world.manager,
					{ campaignId: event.campaign_id, eventId: id, version: event.version },
					{ action: 'cancel', reason: 'تعطیلی ناگهانی' },
					NOW
				)
			);
		},
		async record(id, present, version, at) {
			// 28 youth, children and men; the rest are women.
			const input = eventCounts(id, { adults_women: present - 28 }, version);
			ok(await recordCampaignEventAttendance(world.db, world.manager, input, at));
		}
	};
}
