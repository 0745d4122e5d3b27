import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import { recordCampaignEventAttendance } from '../../../src/lib/server/attendance/event-service.ts';
import { findWeekEvents, weekContaining } from '../../../src/lib/server/attendance/week.ts';
import { eventKey, readWeekForm } from '../../../src/lib/server/attendance/week-form.ts';
import { changeCampaignEvent } from '../../../src/lib/server/campaigns/events.ts';
import { NOW, SUNDAYS } from '../campaigns/fixtures.ts';
import { createEventWorld, eventCounts, type EventWorld } from './event-fixtures.ts';

// The week page lists the week's campaign events of the user's centres that were not cancelled,
// recordable once started by their centre's managers and admins, and reads their boxes
// (`e<id>.<count>`) in the same form as the sessions'.

describe("the week's campaign events", () => {
	let world: EventWorld;
	const ids = { started: 0, recorded: 0, cancelled: 0, shahin: 0, nextWeek: 0 };
	let now: Date;

	beforeAll(async () => {
		world = await createEventWorld();
		ids.started = await world.event();
		ids.recorded = await world.event();
		ids.cancelled = await world.event();
		ids.shahin = await world.event({ center: 'شاهین', actor: world.manager2 });
		ids.nextWeek = await world.event({ date: SUNDAYS[1] });
		now = (await world.moments(ids.started)).after;
		await recordCampaignEventAttendance(world.db, world.manager, eventCounts(ids.recorded), now);
		const row = await world.db
			.selectFrom('campaign_events')
			.selectAll()
			.where('id', '=', ids.cancelled)
			.executeTakeFirstOrThrow();
		await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId: row.campaign_id, eventId: row.id, version: row.version },
			{ action: 'cancel', reason: 'تعطیلی ناگهانی سرا' },
			NOW
		);
	});
	afterAll(async () => world.db.destroy());

	// 2026-11-29, the first Sunday, is in the week of Saturday 2026-11-28.
	const week = weekContaining(SUNDAYS[0]!);
	const listed = async (actor: Parameters<typeof findWeekEvents>[1], at = now) =>
		(await findWeekEvents(world.db, actor, week, at)).map((r) => [
			r.event.id,
			r.canRecord,
			r.attendance?.adults_women
		]);

	it("lists the manager's centres' events of the week, not cancelled ones, with attendance", async () => {
		expect(await listed(world.manager)).toEqual([
			[ids.started, true, undefined],
			[ids.recorded, true, 20]
		]);
		expect(await listed(world.manager2)).toEqual([[ids.shahin, true, undefined]]);
	});

	it('offers boxes only once the event has started', async () => {
		const { before } = await world.moments(ids.started);
		expect((await listed(world.manager, before)).map((r) => r[1])).toEqual([false, false]);
	});

	it('lets admins record every centre’s events; liaisons only read', async () => {
		expect((await listed(world.admin)).map((r) => r[1])).toEqual([true, true, true]);
		expect((await listed(world.liaison)).map((r) => r[1])).toEqual([false, false, false]);
	});

	it('reads filled-in events, leaves untouched ones, and names each mistake', () => {
		overwriteGetLocale(() => 'en');
		const body = new FormData();
		const started = eventKey(ids.started);
		const recorded = eventKey(ids.recorded);
		const typed: Record<string, string> = {
			[`${started}.adults_women`]: '۱۸',
			[`${started}.children_boys`]: '4',
			[`${started}.version`]: '0',
			[`${recorded}.youth_girls`]: '-2',
			[`${recorded}.adults_men`]: '2.5',
			[`${eventKey(ids.shahin)}.adults_women`]: '',
			// Not one of the week's recordable events: ignored.
			['e99999.adults_women']: '8',
			// A session's box of the same number is not the event's.
			[`${ids.started}.teachers`]: '3'
		};
		for (const [name, value] of Object.entries(typed)) body.set(name, value);
		const form = readWeekForm(
			body,
			[],
			[ids.started, ids.recorded, ids.shahin].map((id) => ({ id }))
		);
		expect(form.rows).toEqual([]);
		expect(form.events).toEqual([
			{
				eventId: ids.started,
				version: 0,
				counts: {
					adults_women: 18,
					adults_men: 0,
					youth_girls: 0,
					youth_boys: 0,
					children_girls: 0,
					children_boys: 4
				}
			}
		]);
		expect(form.errors).toEqual({
			[`${recorded}.youth_girls`]: ['Write a whole number from 0 to 5,000.'],
			[`${recorded}.adults_men`]: ['Write a whole number from 0 to 5,000.']
		});
		expect(form.values[`${started}.adults_women`]).toBe('۱۸');
		expect(Object.keys(form.values).some((k) => k.startsWith('e99999'))).toBe(false);
		overwriteGetLocale(() => 'fa');
	});
});
