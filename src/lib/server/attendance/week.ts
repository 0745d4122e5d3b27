import { parseDate } from '@internationalized/date';
import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import { todayInTehran } from '../../i18n/jalali.ts';
import type { GradeEnrolment } from '../../attendance/counts.ts';
import { findBellSessionsBetween, type BellSessionRow } from '../bell-sessions/repository.ts';
import { isIsoDate } from '../bell-sessions/time.ts';
import { findCampaignEventsBetween, type DatedCampaignEvent } from '../campaigns/dated-events.ts';
import { mayRecordAttendance, mayRecordEventAttendance } from './access.ts';
import {
	findAttendanceOfEvents,
	findAttendanceOfSessions,
	findEnrolments,
	type AttendanceRecord,
	type EventAttendanceRecord
} from './repository.ts';

// A week's confirmed and held sessions and its campaign events that were not cancelled, with
// their attendance, for entering it on one page. Weeks run from Saturday to Friday, as in Iran.

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

export interface Week {
	/** The Saturday and the Friday, 'YYYY-MM-DD'. */
	from: string;
	to: string;
	previous: string;
	next: string;
}

export function weekContaining(isoDate: string): Week {
	const day = parseDate(isoDate);
	// JavaScript counts Sunday as 0, so Saturday (6) is 0 days into its week.
	const sinceSaturday = (day.toDate('UTC').getUTCDay() + 1) % 7;
	const saturday = day.subtract({ days: sinceSaturday });
	return {
		from: saturday.toString(),
		to: saturday.add({ days: 6 }).toString(),
		previous: saturday.subtract({ days: 7 }).toString(),
		next: saturday.add({ days: 7 }).toString()
	};
}

/** The week of the address's `week` date, or this week in Tehran. */
export function weekFromUrl(url: URL, now = new Date()): Week {
	const asked = url.searchParams.get('week') ?? '';
	return weekContaining(isIsoDate(asked) ? asked : todayInTehran(now));
}

export interface WeekSession {
	session: BellSessionRow;
	attendance: AttendanceRecord | undefined;
	enrolment: GradeEnrolment[];
	/** Started, and the user is one of those who record it. */
	canRecord: boolean;
}

export async function findWeekSessions(
	db: DB,
	user: ScopedUser,
	week: Week,
	now = new Date()
): Promise<WeekSession[]> {
	const sessions = (await findBellSessionsBetween(db, user, week.from, week.to)).filter(
		(s) => s.status === 'confirmed' || s.status === 'held'
	);
	const [attendance, enrolments] = await Promise.all([
		findAttendanceOfSessions(
			db,
			sessions.map((s) => s.id)
		),
		findEnrolments(
			db,
			sessions.map((s) => s.school_id)
		)
	]);
	const at = now.toISOString();
	return sessions.map((session) => ({
		session,
		attendance: attendance.get(session.id),
		enrolment: enrolments.get(session.school_id) ?? [],
		canRecord: session.starts_at <= at && mayRecordAttendance(user, session)
	}));
}

export interface WeekEvent {
	event: DatedCampaignEvent;
	attendance: EventAttendanceRecord | undefined;
	/** Started, and the user is one of those who record it. */
	canRecord: boolean;
}

export async function findWeekEvents(
	db: DB,
	user: ScopedUser,
	week: Week,
	now = new Date()
): Promise<WeekEvent[]> {
	const events = (await findCampaignEventsBetween(db, user, week.from, week.to)).filter(
		(e) => e.status !== 'cancelled'
	);
	const attendance = await findAttendanceOfEvents(
		db,
		events.map((e) => e.id)
	);
	const at = now.toISOString();
	return events.map((event) => ({
		event,
		attendance: attendance.get(event.id),
		canRecord: event.starts_at <= at && mayRecordEventAttendance(user, event)
	}));
}
