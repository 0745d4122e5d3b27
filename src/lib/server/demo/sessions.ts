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

export interface Plan {
	manager: string;
	neighborhood: string;
	/** Days from today of the session, and of the moment it was proposed. */
	inDays: number;
	proposedDaysAgo: number;
	topic: string;
	start: string;
	/** The students' grades; 7, 8 and 9 unless given. */
	grades?: number[];
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

export async function actor(db: DB, name: string): Promise<BellSessionActor> {
	const user = await findUserByEmail(db, `${name}@demo.test`);
	if (!user) throw new Error(`The demo account ${name}@demo.test is missing.`);
	return { id: user.id, role: user.role, scope: await findUserScope(db, user), ip: null };
}

export function dateAfter(today: string, days: number): string {
	return parseDate(today).add({ days }).toString();
}

/**
 * One planned session through the workflow, its day moved on while it is refused (a closure,
 * outside the year); its id, or undefined when no day of ten would do.
 */
export async function seedDemoSession(
	db: DB,
	plan: Plan,
	facilitatorIndex: number,
	now = new Date()
): Promise<number | undefined> {
	const today = todayInTehran(now);
	const topic = await db
		.selectFrom('topics')
		.select('id')
		.where('code', '=', plan.topic)
		.executeTakeFirst();
	const facilitators = await db
		.selectFrom('facilitators')
		.select('id')
		.where('active', '=', 1)
		.orderBy('id')
		.execute();
	const manager = await actor(db, plan.manager);
	const place = (await findPairedPlaces(db, manager)).find((p) => p.name_fa === plan.neighborhood);
	const facilitator = facilitators[facilitatorIndex % facilitators.length];
	if (!place || !topic || !facilitator) return undefined;
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
				grades: plan.grades ?? [7, 8, 9],
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
		return result.id;
	}
	return undefined;
}

/** Best effort: a planned session whose day is closed (or outside the year) is tried on later days. */
export async function seedDemoSessions(db: DB, now = new Date()): Promise<void> {
	for (const [index, plan] of plans.entries()) await seedDemoSession(db, plan, index, now);
}
