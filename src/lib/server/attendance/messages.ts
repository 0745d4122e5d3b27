import { m } from '../../paraglide/messages.js';
import { formatNumber } from '../../i18n/format.ts';
import { ATTENDANCE_MAX } from '../../schemas/attendance.ts';
import type { FeedbackSubject } from '../feedback/subject.ts';
import type { AttendanceProblem } from './rules.ts';
import type { WeekCard } from './week-save.ts';

// Why attendance was not recorded, in the user's language and the subject's words.

type Kind = FeedbackSubject['kind'];

const messages: Record<Exclude<AttendanceProblem, 'count_invalid'>, () => string> = {
	not_started: m.attendance_error_not_started,
	not_confirmed: m.attendance_error_not_confirmed,
	declined: m.attendance_error_declined,
	cancelled: m.attendance_error_cancelled,
	grade_not_in_session: m.attendance_error_grade_not_in_session,
	nobody: m.attendance_error_nobody
};

const eventMessages: Partial<Record<AttendanceProblem, () => string>> = {
	not_started: m.attendance_event_error_not_started,
	cancelled: m.attendance_event_error_cancelled,
	nobody: m.attendance_event_error_nobody
};

export function attendanceRefusalMessage(
	problem: AttendanceProblem,
	kind: Kind = 'bell_session'
): string {
	if (problem === 'count_invalid')
		return m.attendance_error_count({ max: formatNumber(ATTENDANCE_MAX) });
	return ((kind === 'campaign_event' && eventMessages[problem]) || messages[problem])();
}

/** How one card's save went, as the week page shows it under the card. */
export function cardOutcomeText({ kind, result }: WeekCard): string {
	if (result.ok) return result.changed ? m.attendance_saved() : m.attendance_unchanged();
	if (result.error === 'refused') return attendanceRefusalMessage(result.problem, kind);
	if (result.error === 'stale') return m.stale_edit();
	return kind === 'campaign_event'
		? m.attendance_event_error_not_allowed()
		: m.attendance_error_not_allowed();
}
