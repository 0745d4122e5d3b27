import type { DB } from '../db/connect.ts';
import { recordCampaignEventAttendance } from './event-service.ts';
import type { AttendanceActor, RecordingResult } from './record.ts';
import { recordBellSessionAttendance } from './service.ts';
import { eventKey, type WeekForm } from './week-form.ts';

// Saving the week's form: each session and event is recorded on its own, with its own version
// check, so one that is refused (stale, not allowed, not possible now) does not hold back the
// others. That is the contract of a partial save: every card that was saved keeps its save and
// its audit entry; every refused one is reported with its reason and keeps what was typed.

/** How one card's save went. */
export type CardOutcome = 'saved' | 'unchanged' | 'stale' | 'refused' | 'not_allowed';

export interface WeekCard {
	kind: 'bell_session' | 'campaign_event';
	outcome: CardOutcome;
	result: RecordingResult;
}

export interface WeekSave {
	/** Each card's outcome, by its boxes' prefix. */
	cards: Map<string, WeekCard>;
	/** all: nothing refused; partly: some saved, some refused; none: refused, nothing written. */
	verdict: 'all' | 'partly' | 'none';
}

export function cardOutcome(result: RecordingResult): CardOutcome {
	if (result.ok) return result.changed ? 'saved' : 'unchanged';
	if (result.error === 'refused' || result.error === 'stale') return result.error;
	return 'not_allowed';
}

export async function saveWeekAttendance(
	db: DB,
	actor: AttendanceActor,
	form: Pick<WeekForm, 'rows' | 'events'>,
	now = new Date()
): Promise<WeekSave> {
	const cards = new Map<string, WeekCard>();
	const note = (key: string, kind: WeekCard['kind'], result: RecordingResult) =>
		cards.set(key, { kind, outcome: cardOutcome(result), result });
	for (const { sessionId, version, counts } of form.rows) {
		const input = { sessionId, version, ...counts };
		note(
			String(sessionId),
			'bell_session',
			await recordBellSessionAttendance(db, actor, input, now)
		);
	}
	for (const row of form.events)
		note(
			eventKey(row.eventId),
			'campaign_event',
			await recordCampaignEventAttendance(db, actor, row, now)
		);

	const outcomes = [...cards.values()].map((card) => card.outcome);
	const refused = outcomes.filter((o) => o !== 'saved' && o !== 'unchanged').length;
	const verdict = !refused ? 'all' : outcomes.includes('saved') ? 'partly' : 'none';
	return { cards, verdict };
}
