import type { DB } from '../db/connect.ts';
import type { AnswerFormData } from '../../schemas/feedback.ts';
import { recordCampaignEventAttendance } from '../attendance/event-service.ts';
import { recordBellSessionAttendance } from '../attendance/service.ts';
import { submitFeedbackAnswer } from '../feedback/answers.ts';
import { feedbackLinkFor } from '../feedback/links.ts';
import { createAnswerLimiter } from '../feedback/rate-limit.ts';
import { saveStaffFeedback } from '../feedback/staff.ts';
import type { FeedbackSubject } from '../feedback/subject.ts';
import { actor, seedDemoSession } from './sessions.ts';

// What was held, after the demo's sessions and campaigns, through the real services so the
// pages show summaries and histories: a bell session at دولاب two weeks ago, and the latest past
// event of manager@'s campaign at دولاب, each with its attendance, its rating and a few
// anonymous answers. The demo's session 4 (confirmed, six days ago) keeps no attendance: the
// browser test records it.

const MINUTE = 60 * 1000;

const answers: AnswerFormData[] = [
	{ overall: 5, learned: 'yes', would_recommend: 'yes', comment: 'خیلی خوب و کاربردی بود.' },
	{ overall: 4, learned: 'yes', would_recommend: 'yes', comment: '' },
	{ overall: 4, learned: 'partly', would_recommend: 'yes', comment: 'وقت پرسش و پاسخ کم بود.' },
	{ overall: 3, learned: 'partly', would_recommend: 'no', comment: '' }
];

/** The answers, given one every few minutes from the end of the subject. */
async function answer(db: DB, subject: FeedbackSubject, endsAt: string): Promise<void> {
	const { token } = await feedbackLinkFor(db, subject, new Date(endsAt));
	const limiter = createAnswerLimiter();
	for (const [i, given] of answers.entries())
		await submitFeedbackAnswer(
			db,
			{ token, answer: given, answeredBefore: false, address: '127.0.0.1', limiter },
			new Date(new Date(endsAt).getTime() + (i + 1) * 4 * MINUTE)
		);
}

async function seedHeldSession(db: DB, now: Date): Promise<void> {
	const id = await seedDemoSession(
		db,
		{
			manager: 'manager',
			neighborhood: 'دولاب',
			inDays: -13,
			proposedDaysAgo: 21,
			topic: 'violence',
			start: '10:00',
			grades: [10, 11],
			then: [{ as: 'staff', action: 'confirm' }]
		},
		1,
		now
	);
	if (id === undefined) return;
	const { ends_at } = await db
		.selectFrom('bell_sessions')
		.select('ends_at')
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	const after = (minutes: number) => new Date(new Date(ends_at).getTime() + minutes * MINUTE);
	const staff = await actor(db, 'staff');
	const students = [
		{ grade: 10, gender: 'girls' as const, students: 34 },
		{ grade: 11, gender: 'girls' as const, students: 41 }
	];
	const recorded = await recordBellSessionAttendance(
		db,
		staff,
		{ sessionId: id, version: 0, teachers: 3, parents: 0, students },
		after(60)
	);
	if (!recorded.ok) return;
	const subject = { kind: 'bell_session', id } as const;
	await saveStaffFeedback(
		db,
		staff,
		{ subject, version: 0, relevance: 5, facilitator: 4, engagement: 4, comment: '' },
		after(90)
	);
	await answer(db, subject, ends_at);
}

async function seedHeldEvent(db: DB, now: Date): Promise<void> {
	const manager = await actor(db, 'manager');
	const event = await db
		.selectFrom('campaign_events')
		.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
		.innerJoin('centers', 'centers.id', 'campaigns.center_id')
		.select(['campaign_events.id', 'campaign_events.ends_at'])
		.where('centers.name', '=', 'سرای محله دولاب')
		.where('campaign_events.status', '=', 'scheduled')
		.where('campaign_events.ends_at', '<', now.toISOString())
		.orderBy('campaign_events.ends_at', 'desc')
		.executeTakeFirst();
	if (!event) return;
	const after = (minutes: number) => new Date(new Date(event.ends_at).getTime() + minutes * MINUTE);
	const counts = {
		adults_women: 23,
		adults_men: 14,
		youth_girls: 9,
		youth_boys: 7,
		children_girls: 5,
		children_boys: 4
	};
	const recorded = await recordCampaignEventAttendance(
		db,
		manager,
		{ eventId: event.id, version: 0, counts },
		after(30)
	);
	if (!recorded.ok) return;
	const subject = { kind: 'campaign_event', id: event.id } as const;
	await saveStaffFeedback(
		db,
		manager,
		{
			subject,
			version: 0,
			relevance: 4,
			facilitator: 5,
			engagement: 4,
			comment: 'استقبال خانواده‌ها خوب بود؛ جای نشستن کم آمد.'
		},
		after(45)
	);
	await answer(db, subject, event.ends_at);
}

/** Best effort: what cannot be made (no past event, a refused proposal) is left out. */
export async function seedDemoAttendance(db: DB, now = new Date()): Promise<void> {
	await seedHeldSession(db, now);
	await seedHeldEvent(db, now);
}
