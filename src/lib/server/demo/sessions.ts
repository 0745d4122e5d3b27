import { parseDate } from '@internationalized/date';
import type { DB } from '../db/connect.ts';
import { todayInTehran } from '../../i18n/jalali.ts';
import { findUserByEmail, findUserScope } from '../users/repository.ts';
import { findPairedPlaces } from '../bell-sessions/choices.ts';
import { proposeBellSession, type BellSessionActor } from '../bell-sessions/service.ts';
import { transitionBellSession, type BellSessionAction } from '../bell-sessions/transitions.ts';

// A few bell sessions around today, made through the real workflow (so each has its history), to
// show every home page something to do: a proposal for staff@, a counter-proposal for manager@, a
// proposal past the response deadline for liaison@ and admin@, a past confirmed session without
// attendance, confirmed and cancelled ones.

const DAY = 24 * 60 * 60 * 1000;

interface Plan {
	manager: string;
	neighborhood: string;
	/** Days from today of the session, and of the moment it was proposed. */
	inDays: number;
	proposedDaysAgo: number;
	topic: string;
	start: string;
	then: { as: string; action: BellSessionAction; reason?: string; moveDays?: number }[];
}

const plans: Plan[] = [
	{
		manager: 'manager',
		neighborhood: 'دولاب',
		inDays: 5,
		proposedDaysAgo: 1,
		topic: 'addiction',
		start: '08:00',
		then: []
	},
	{
		manager: 'manager',
		neighborhood: 'دولاب',
		inDays: 8,
		proposedDaysAgo: 2,
		topic: 'cyberspace',
		start: '09:00',
		then: [{ as: 'staff', action: 'counter_propose', moveDays: 1 }]
	},
	{
		manager: 'manager',
		neighborhood: 'دولاب',
		inDays: 12,
		proposedDaysAgo: 3,
		topic: 'bullying',
		start: '10:00',
		then: [{ as: 'staff', action: 'confirm' }]
	},
	{
		manager: 'manager',
		neighborhood: 'دولاب',
		inDays: -6,
		proposedDaysAgo: 14,
		topic: 'life_skills',
		start: '09:00',
		then: [{ as: 'staff', action: 'confirm' }]
	},
	{
		manager: 'manager',
		neighborhood: 'دولاب',
		inDays: 15,
		proposedDaysAgo: 2,
		topic: 'violence',
		start: '11:00',
		then: [{ as: 'manager', action: 'cancel', reason: 'بیماری تسهیلگر' }]
	},
	{
		manager: 'manager',
		neighborhood: 'خاوران',
		inDays: 9,
		proposedDaysAgo: 6,
		topic: 'mental_health',
		start: '08:30',
		then: []
	},
	{
		manager: 'manager2',
		neighborhood: 'شاهین',
		inDays: 7,
		proposedDaysAgo: 2,
		topic: 'addiction',
		start: '08:00',
		then: []
	}
];

async function actor(db: DB, name: string): Promise<BellSessionActor> {
	const user = await findUserByEmail(db, `${name}@demo.test`);
	if (!user) throw new Error(`The demo account ${name}@demo.test is missing.`);
	return { id: user.id, role: user.role, scope: await findUserScope(db, user), ip: null };
}

function dateAfter(today: string, days: number): string {
	return parseDate(today).add({ days }).toString();
}

/** Best effort: a planned session whose day is closed (or outside the year) is tried on later days. */
export async function seedDemoSessions(db: DB, now = new Date()): Promise<void> {
	const today = todayInTehran(now);
	const topics = await db.selectFrom('topics').select(['id', 'code']).execute();
	const facilitators = await db
		.selectFrom('facilitators')
		.select('id')
		.where('active', '=', 1)
		.orderBy('id')
		.execute();
	for (const [index, plan] of plans.entries()) {
		const manager = await actor(db, plan.manager);
		const place = (await findPairedPlaces(db, manager)).find(
			(p) => p.name_fa === plan.neighborhood
		);
		const topic = topics.find((t) => t.code === plan.topic);
		const facilitator = facilitators[index % facilitators.length];
		if (!place || !topic || !facilitator) continue;
		const proposedAt = new Date(now.getTime() - plan.proposedDaysAgo * DAY);
		for (let tries = 0; tries < 10; tries++) {
			const date = dateAfter(today, plan.inDays + tries);
			const result = await proposeBellSession(
				db,
				manager,
				{
					neighborhood_id: place.id,
					topic_id: topic.id,
					facilitator_id: facilitator.id,
					audience: 'students',
					grades: [7, 8, 9],
					expected_headcount: 90,
					date,
					start_time: plan.start,
					duration_minutes: 60,
					location: 'نمازخانهٔ مدرسه',
					note: null
				},
				proposedAt
			);
			if (!result.ok) continue;
			let version = 1;
			for (const step of plan.then) {
				const done = await transitionBellSession(
					db,
					await actor(db, step.as),
					{
						sessionId: result.id,
						version,
						action: step.action,
						reason: step.reason,
						slot: step.moveDays
							? {
									date: dateAfter(date, step.moveDays),
									start_time: plan.start,
									duration_minutes: 60
								}
							: undefined
					},
					proposedAt
				);
				if (done.ok) version = done.version;
			}
			break;
		}
	}
}
