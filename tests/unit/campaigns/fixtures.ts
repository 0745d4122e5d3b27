import type { DB } from '../../../src/lib/server/db/connect.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import type { ClosureInput } from '../../../src/lib/server/closures/service.ts';
import type { CampaignActor } from '../../../src/lib/server/campaigns/access.ts';
import {
	planCampaign,
	planSignature,
	type CampaignInput
} from '../../../src/lib/server/campaigns/plan.ts';
import { createCampaign } from '../../../src/lib/server/campaigns/service.ts';
import { actorOf, createSessionWorld, NOW, type SessionWorld } from '../bell-sessions/fixtures.ts';

// The demo district with its official holidays (see ../bell-sessions/fixtures.ts), seen on
// Friday 2026-11-27. The campaigns are at دولاب's centre (manager@'s) unless a test says
// otherwise; manager2@ runs شاهین's. The next Sundays are 2026-11-29, 12-06, 12-13...

export { NOW };

export const SUNDAYS = ['2026-11-29', '2026-12-06', '2026-12-13', '2026-12-20', '2026-12-27'];

export interface CampaignWorld extends SessionWorld {
	manager2: CampaignActor;
	liaison: CampaignActor;
	staff: CampaignActor;
	staff2: CampaignActor;
	adminActor: Actor;
	districtId: number;
	centerOf: (neighbourhood: string) => Promise<number>;
}

export async function createCampaignWorld(): Promise<CampaignWorld> {
	const world = await createSessionWorld();
	const { db } = world;
	const centerOf = async (neighbourhood: string) => {
		const row = await db
			.selectFrom('centers')
			.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
			.select('centers.id')
			.where('neighborhoods.name_fa', '=', neighbourhood)
			.executeTakeFirstOrThrow();
		return row.id;
	};
	return {
		...world,
		manager2: await actorOf(db, 'manager2@demo.test'),
		liaison: await actorOf(db, 'liaison@demo.test'),
		staff: await actorOf(db, 'staff@demo.test'),
		staff2: await actorOf(db, 'staff2@demo.test'),
		adminActor: {
			id: world.admin.id,
			districtIds: world.admin.scope.districtIds,
			ip: null
		},
		districtId: world.admin.scope.districtIds[0]!,
		centerOf
	};
}

/** Sundays at دولاب's centre, 16:00 for 90 minutes, from 2026-11-29 to 2026-12-27. */
export function campaignInput(
	world: CampaignWorld,
	values: Partial<CampaignInput> = {}
): CampaignInput {
	return {
		center_id: world.dowlab.centerId,
		title: 'یکشنبه‌های بدون اعتیاد',
		topic_id: world.topicId('addiction'),
		audience: 'public',
		first_date: SUNDAYS[0]!,
		last_date: SUNDAYS.at(-1)!,
		weekday: 0,
		start_time: '16:00',
		duration_minutes: 90,
		place: 'سالن اجتماعات سرا',
		facilitator_id: null,
		note: null,
		...values
	};
}

/** A campaign made as the page makes it: planned, shown, saved with every date kept. */
export async function newCampaign(
	world: CampaignWorld,
	values: Partial<CampaignInput> = {},
	options: { actor?: CampaignActor; now?: Date; drop?: string[]; extraDates?: string[] } = {}
): Promise<number> {
	const actor = options.actor ?? world.manager;
	const input = campaignInput(world, values);
	const extraDates = options.extraDates ?? [];
	const now = options.now ?? NOW;
	const planned = await planCampaign(world.db, actor, input, extraDates, now);
	if (!planned.ok) throw new Error(`plan refused: ${JSON.stringify(planned)}`);
	const keep = planned.plan.dates.filter((d) => !options.drop?.includes(d));
	const seen = planSignature(planned.plan);
	const created = await createCampaign(world.db, actor, input, { seen, keep, extraDates }, now);
	if (!created.ok) throw new Error(`campaign refused: ${JSON.stringify(created)}`);
	return created.id;
}

export async function eventsOf(db: DB, campaignId: number) {
	return db
		.selectFrom('campaign_events')
		.selectAll()
		.where('campaign_id', '=', campaignId)
		.orderBy('date')
		.execute();
}

export async function eventOn(db: DB, campaignId: number, date: string) {
	return db
		.selectFrom('campaign_events')
		.selectAll()
		.where('campaign_id', '=', campaignId)
		.where('date', '=', date)
		.executeTakeFirstOrThrow();
}

/** A closure of the demo district, one day unless `ends_on` says otherwise. */
export function closure(
	world: CampaignWorld,
	date: string,
	values: Partial<ClosureInput> = {}
): ClosureInput {
	return {
		district_id: world.districtId,
		kind: 'holiday',
		school_id: null,
		center_id: null,
		starts_on: date,
		ends_on: date,
		name_fa: 'شهادت حضرت علی (ع)',
		name_en: 'Martyrdom of Imam Ali',
		...values
	};
}
