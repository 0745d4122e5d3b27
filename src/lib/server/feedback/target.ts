import type { DB } from '../db/connect.ts';
import { attendanceTotal } from '../../attendance/counts.ts';
import { eventAttendanceTotal } from '../../attendance/event-counts.ts';
import { findAttendance, findEventAttendance } from '../attendance/repository.ts';
import { isFeedbackToken } from './links.ts';
import type { FeedbackWindow } from './rules.ts';
import type { FeedbackSubject } from './subject.ts';

// What a public link leads to, with only what the anonymous form shows: the topic, the place (the
// school, or the campaign's centre), the day, and what decides whether it is open. Nothing about
// the people who recorded anything.

interface About extends FeedbackWindow {
	kind: FeedbackSubject['kind'];
	date: string;
	topic_fa: string;
	topic_en: string;
	place_name: string;
}

export interface FeedbackTarget extends About {
	link_id: number;
	answers: number;
}

async function sessionAbout(db: DB, id: number): Promise<About> {
	const [session, attendance] = await Promise.all([
		db
			.selectFrom('bell_sessions')
			.innerJoin('topics', 'topics.id', 'bell_sessions.topic_id')
			.innerJoin('schools', 'schools.id', 'bell_sessions.school_id')
			.select([
				'bell_sessions.status',
				'bell_sessions.date',
				'bell_sessions.starts_at',
				'bell_sessions.ends_at',
				'topics.name_fa as topic_fa',
				'topics.name_en as topic_en',
				'schools.name as place_name'
			])
			.where('bell_sessions.id', '=', id)
			.executeTakeFirstOrThrow(),
		findAttendance(db, id)
	]);
	const attendance_total = attendance ? attendanceTotal(attendance) : null;
	return { ...session, kind: 'bell_session', attendance_total };
}

async function eventAbout(db: DB, id: number): Promise<About> {
	const [event, attendance] = await Promise.all([
		db
			.selectFrom('campaign_events')
			.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
			.innerJoin('topics', 'topics.id', 'campaigns.topic_id')
			.innerJoin('centers', 'centers.id', 'campaigns.center_id')
			.select([
				'campaign_events.status',
				'campaign_events.date',
				'campaign_events.starts_at',
				'campaign_events.ends_at',
				'topics.name_fa as topic_fa',
				'topics.name_en as topic_en',
				'centers.name as place_name'
			])
			.where('campaign_events.id', '=', id)
			.executeTakeFirstOrThrow(),
		findEventAttendance(db, id)
	]);
	const attendance_total = attendance ? eventAttendanceTotal(attendance) : null;
	return { ...event, kind: 'campaign_event', attendance_total };
}

export async function findFeedbackTarget(
	db: DB,
	token: string
): Promise<FeedbackTarget | undefined> {
	if (!isFeedbackToken(token)) return undefined;
	const link = await db
		.selectFrom('feedback_links')
		.select((eb) => [
			'id',
			'bell_session_id',
			'campaign_event_id',
			eb
				.selectFrom('feedback_answers')
				.select((s) => s.fn.countAll<number>().as('answers'))
				.whereRef('feedback_answers.link_id', '=', 'feedback_links.id')
				.as('answers')
		])
		.where('token', '=', token)
		.executeTakeFirst();
	if (!link) return undefined;
	// The migration's check sets exactly one of the two ids.
	const about =
		link.bell_session_id !== null
			? await sessionAbout(db, link.bell_session_id)
			: await eventAbout(db, link.campaign_event_id!);
	return { ...about, link_id: link.id, answers: Number(link.answers ?? 0) };
}
