import type { DB } from '../db/connect.ts';
import { findClosuresOn } from '../closures/repository.ts';
import { centersInDistricts } from '../directory/in-districts.ts';

// A closure entered after a campaign was planned does not delete its events: the scheduled
// events on its days at the centres it closes are flagged "needs attention" with the closure,
// for their managers to move, cancel or keep. Called by the closures service inside the
// closure's own transaction. A school's closed day does not close a centre.

/** Flags the scheduled events the closure hits (those flagged already keep their first reason). */
export async function flagEventsHitByClosure(db: DB, closureId: number, now: Date): Promise<void> {
	const closure = await db
		.selectFrom('closures')
		.selectAll()
		.where('id', '=', closureId)
		.executeTakeFirst();
	if (!closure || closure.kind === 'school') return;
	const campaigns = db.selectFrom('campaigns').select('campaigns.id');
	const hit =
		closure.kind === 'center'
			? campaigns.where('campaigns.center_id', '=', closure.center_id ?? -1)
			: campaigns.where(
					'campaigns.center_id',
					'in',
					centersInDistricts(db, [closure.district_id]).select('centers.id')
				);
	await db
		.updateTable('campaign_events')
		.set({ needs_attention: 1, attention_closure_id: closure.id, updated_at: now.toISOString() })
		.where('status', '=', 'scheduled')
		.where('needs_attention', '=', 0)
		.where('date', '>=', closure.starts_on)
		.where('date', '<=', closure.ends_on)
		.where('campaign_id', 'in', hit)
		.execute();
}

/** The events a closure has flagged: to look at again when it changes or goes. */
export async function findEventsFlaggedBy(db: DB, closureId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('campaign_events')
		.select('id')
		.where('attention_closure_id', '=', closureId)
		.execute();
	return rows.map((row) => row.id);
}

/** Each event stays flagged with a closure that still covers its day, or its flag is lifted. */
export async function reviewAttention(db: DB, eventIds: number[], now: Date): Promise<void> {
	for (const id of eventIds) {
		const event = await db
			.selectFrom('campaign_events')
			.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
			.innerJoin('centers', 'centers.id', 'campaigns.center_id')
			.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
			.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
			.select(['campaign_events.date', 'campaigns.center_id', 'areas.district_id'])
			.where('campaign_events.id', '=', id)
			.where('campaign_events.status', '=', 'scheduled')
			.executeTakeFirst();
		if (!event) continue;
		const [closure] = await findClosuresOn(db, {
			districtId: event.district_id,
			date: event.date,
			centerId: event.center_id
		});
		await db
			.updateTable('campaign_events')
			.set({
				needs_attention: closure ? 1 : 0,
				attention_closure_id: closure?.id ?? null,
				updated_at: now.toISOString()
			})
			.where('id', '=', id)
			.execute();
	}
}
