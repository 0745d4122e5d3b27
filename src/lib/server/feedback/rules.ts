import type { BellSessionStatus, CampaignEventStatus } from '../db/schema.ts';

// When the anonymous form takes answers: from the start of the session or event until some days
// after its end, and up to a cap that keeps a leaked link from being flooded: twice the people
// recorded as present, or a fixed number before attendance is recorded. A session takes answers
// once confirmed, an event while scheduled; both once held, neither when cancelled.

export const FEEDBACK_OPEN_DAYS = 7;
export const CAP_BEFORE_ATTENDANCE = 300;

const DAY = 24 * 60 * 60 * 1000;

export type FormState = 'open' | 'not_open' | 'closed' | 'full';

type Status = BellSessionStatus | CampaignEventStatus;

/** Whether the subject's form may take answers at all (within its window). */
export const takesAnswers = (status: Status): boolean =>
	status === 'confirmed' || status === 'scheduled' || status === 'held';

export interface FeedbackWindow {
	status: Status;
	starts_at: string;
	ends_at: string;
	/** Everyone recorded as present; null before attendance is recorded. */
	attendance_total: number | null;
}

export function answerCap(attendanceTotal: number | null): number {
	return attendanceTotal === null ? CAP_BEFORE_ATTENDANCE : 2 * attendanceTotal;
}

/** The instant the form closes. */
export function closesAt(window: Pick<FeedbackWindow, 'ends_at'>): string {
	return new Date(new Date(window.ends_at).getTime() + FEEDBACK_OPEN_DAYS * DAY).toISOString();
}

export function formStateOf(window: FeedbackWindow, answers: number, now = new Date()): FormState {
	if (!takesAnswers(window.status)) return 'closed';
	const at = now.toISOString();
	if (at < window.starts_at) return 'not_open';
	if (at >= closesAt(window)) return 'closed';
	return answers >= answerCap(window.attendance_total) ? 'full' : 'open';
}
