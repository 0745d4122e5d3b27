import { parseDate } from '@internationalized/date';
import type { DB } from '../db/connect.ts';
import type { CampaignAudience } from '../db/schema.ts';
import { todayInTehran } from '../../i18n/jalali.ts';
import { createClosure } from '../closures/service.ts';
import { findCentersToManage } from '../campaigns/centers.ts';
import { changeCampaignEvent } from '../campaigns/events.ts';
import { planCampaign, planSignature } from '../campaigns/plan.ts';
import { createCampaign } from '../campaigns/service.ts';
import { findUserByEmail, findUserScope } from '../users/repository.ts';

// Three Sunday campaigns made through the real services (so each has its history): the first at
// manager@'s دولاب centre, started six weeks ago, so it has past events without attendance, a
// dropped date, one event moved and one cancelled, and one on a day the centre closed later
// (needs attention); a second at خاوران; a third at manager2@'s شاهین.

const DAY = 24 * 60 * 60 * 1000;

interface Plan {
	manager: string;
	center: string;
	title: string;
	topic: string;
	audience: CampaignAudience;
	/** Days from today of the first date (also when it was planned) and of the last. */
	startsInDays: number;
	endsInDays: number;
	start: string;
	place: string;
}

const plans: Plan[] = [
	{
		manager: 'manager',
		center: 'سرای محله دولاب',
		title: 'یکشنبه‌های بدون اعتیاد',
		topic: 'addiction',
		audience: 'public',
		startsInDays: -42,
		endsInDays: 120,
		start: '16:00',
		place: 'سالن اجتماعات سرا'
	},
	{
		manager: 'manager',
		center: 'سرای محله خاوران',
		title: 'خانوادهٔ آگاه',
		topic: 'parenting',
		audience: 'families',
		startsInDays: -20,
		endsInDays: 90,
		start: '10:00',
		place: 'کتابخانهٔ سرا'
	},
	{
		manager: 'manager2',
		center: 'سرای محله شاهین',
		title: 'فضای مجازی امن',
		topic: 'cyberspace',
		audience: 'youth',
		startsInDays: -14,
		endsInDays: 100,
		start: '17:00',
		place: 'سالن چندمنظوره'
	}
];

async function actor(db: DB, name: string) {
	const user = await findUserByEmail(db, `${name}@demo.test`);
	if (!user) throw new Error(`The demo account ${name}@demo.test is missing.`);
	return { id: user.id, role: user.role, scope: await findUserScope(db, user), ip: null };
}

function dateAfter(today: string, days: number): string {
	return parseDate(today).add({ days }).toString();
}

/** The campaign's scheduled events after `now`, soonest first. */
async function futureEvents(db: DB, campaignId: number, now: Date) {
	return db
		.selectFrom('campaign_events')
		.select(['id', 'date', 'version'])
		.where('campaign_id', '=', campaignId)
		.where('status', '=', 'scheduled')
		.where('starts_at', '>', now.toISOString())
		.orderBy('date')
		.execute();
}

/** Best effort: a campaign whose plan is refused (no topic, no centre) is left out. */
export async function seedDemoCampaigns(db: DB, now = new Date()): Promise<void> {
	const today = todayInTehran(now);
	const topics = await db.selectFrom('topics').select(['id', 'code']).execute();
	const [facilitator] = await db
		.selectFrom('facilitators')
		.select('id')
		.where('active', '=', 1)
		.orderBy('id')
		.execute();
	const ids: number[] = [];
	for (const plan of plans) {
		const manager = await actor(db, plan.manager);
		const center = (await findCentersToManage(db, manager)).find((c) => c.name === plan.center);
		const topic = topics.find((t) => t.code === plan.topic);
		if (!center || !topic) continue;
		const plannedAt = new Date(now.getTime() + plan.startsInDays * DAY);
		const input = {
			center_id: center.id,
			title: plan.title,
			topic_id: topic.id,
			audience: plan.audience,
			first_date: dateAfter(today, plan.startsInDays),
			last_date: dateAfter(today, plan.endsInDays),
			weekday: 0,
			start_time: plan.start,
			duration_minutes: 90,
			place: plan.place,
			facilitator_id: facilitator?.id ?? null,
			note: null
		};
		const planned = await planCampaign(db, manager, input, [], plannedAt);
		if (!planned.ok) continue;
		const { dates } = planned.plan;
		// The first campaign drops its tenth date, as a user would in the preview.
		const keep = ids.length === 0 ? dates.filter((_, i) => i !== 9) : dates;
		const seen = planSignature(planned.plan);
		const created = await createCampaign(
			db,
			manager,
			input,
			{ seen, keep, extraDates: [] },
			plannedAt
		);
		if (created.ok) ids.push(created.id);
	}

	const [first] = ids;
	if (first === undefined) return;
	const manager = await actor(db, 'manager');
	const changedAt = new Date(now.getTime() - DAY);
	const [, second, third, fourth] = await futureEvents(db, first, changedAt);
	if (second)
		await changeCampaignEvent(
			db,
			manager,
			{ campaignId: first, eventId: second.id, version: second.version },
			{
				action: 'move',
				slot: {
					date: dateAfter(second.date, 1),
					start_time: '17:00',
					duration_minutes: 90,
					place: 'حیاط سرا'
				},
				reason: 'هم‌زمانی با جلسهٔ شورایاری محله'
			},
			changedAt
		);
	if (third)
		await changeCampaignEvent(
			db,
			manager,
			{ campaignId: first, eventId: third.id, version: third.version },
			{ action: 'cancel', reason: 'تسهیلگر در دسترس نیست' },
			changedAt
		);
	if (fourth) {
		const admin = await actor(db, 'admin');
		const campaign = await db
			.selectFrom('campaigns')
			.select('center_id')
			.where('id', '=', first)
			.executeTakeFirstOrThrow();
		await createClosure(
			db,
			{ id: admin.id, districtIds: admin.scope.districtIds, ip: null },
			{
				district_id: admin.scope.districtIds[0]!,
				kind: 'center',
				school_id: null,
				center_id: campaign.center_id,
				starts_on: fourth.date,
				ends_on: fourth.date,
				name_fa: 'تعمیر سالن سرا',
				name_en: 'Hall repairs'
			},
			changedAt
		);
	}
}
