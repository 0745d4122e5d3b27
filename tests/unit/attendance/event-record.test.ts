import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCountFields } from '../../../src/lib/attendance/event-counts.ts';
import { recordCampaignEventAttendance } from '../../../src/lib/server/attendance/event-service.ts';
import { attendanceRefusalMessage } from '../../../src/lib/server/attendance/messages.ts';
import { findEventAttendance } from '../../../src/lib/server/attendance/repository.ts';
import { changeCampaignEvent } from '../../../src/lib/server/campaigns/events.ts';
import { findCampaignHistory } from '../../../src/lib/server/campaigns/history.ts';
import { findCampaignEventsNeedingAction } from '../../../src/lib/server/campaigns/needs-action.ts';
import { createClosure } from '../../../src/lib/server/closures/service.ts';
import type { CampaignActor } from '../../../src/lib/server/campaigns/access.ts';
import { closure, NOW, SUNDAYS } from '../campaigns/fixtures.ts';
import { createEventWorld, eventCounts, type EventWorld } from './event-fixtures.ts';
import { attendanceAuditOf } from './fixtures.ts';

// Recording a campaign event's attendance: the first recording of a scheduled event that has
// started marks it held (version + 1) in one step with its audit entry on the event; later edits
// keep before and after; a stale form, an event not started or cancelled, and people who do not
// record it are refused with nothing written; a recorded event leaves the overdue lists.

describe("recording a campaign event's attendance", () => {
	let world: EventWorld;
	beforeAll(async () => {
		world = await createEventWorld();
	});
	afterAll(async () => world.db.destroy());

	const eventRow = (id: number) =>
		world.db
			.selectFrom('campaign_events')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
	const auditOf = (id: number) => attendanceAuditOf(world, 'campaign_event', id);
	const record = (actor: CampaignActor, input: ReturnType<typeof eventCounts>, at: Date) =>
		recordCampaignEventAttendance(world.db, actor, input, at);

	it('marks a scheduled event held, in the same step as its audit entry', async () => {
		const id = await world.event();
		const { after } = await world.moments(id);
		const before = await eventRow(id);
		expect(before.status).toBe('scheduled');

		expect(await record(world.manager, eventCounts(id), after)).toEqual({
			ok: true,
			changed: true,
			status: 'held'
		});
		const held = await eventRow(id);
		expect(held.status).toBe('held');
		expect(held.version).toBe(before.version + 1);
		expect(held.updated_at).toBe(after.toISOString());

		const { counts } = eventCounts(id);
		expect(await findEventAttendance(world.db, id)).toMatchObject({
			...counts,
			version: 1,
			recorded_by_name: 'مدیر سرای دولاب و خاوران',
			recorded_at: after.toISOString()
		});
		const [entry, ...more] = await auditOf(id);
		expect(more).toEqual([]);
		expect(entry).toMatchObject({
			action: 'attendance_recorded',
			actor_id: world.manager.id,
			at: after.toISOString()
		});
		expect(JSON.parse(entry!.before!)).toEqual({ status: 'scheduled' });
		expect(JSON.parse(entry!.after!)).toEqual({ status: 'held', ...counts });
		// The campaign's history shows it, on the event's day.
		const history = await findCampaignHistory(world.db, before.campaign_id);
		expect(history.find((h) => h.action === 'attendance_recorded')?.event?.date).toBe(SUNDAYS[0]);
	});

	it('keeps before and after of an edit, with a new version, and the event held', async () => {
		const id = await world.event();
		const { after } = await world.moments(id);
		await record(world.manager, eventCounts(id), after);
		const later = new Date(after.getTime() + 60 * 60 * 1000);
		const edit = eventCounts(id, { adults_men: 15, children_boys: 0 }, 1);
		expect(await record(world.admin, edit, later)).toMatchObject({ ok: true, changed: true });
		expect(await findEventAttendance(world.db, id)).toMatchObject({
			adults_men: 15,
			children_boys: 0,
			version: 2,
			updated_at: later.toISOString(),
			updated_by_name: 'مدیر سامانه (معاونت اجتماعی)'
		});
		const entries = await auditOf(id);
		expect(entries.map((e) => e.action)).toEqual(['attendance_recorded', 'attendance_updated']);
		expect(JSON.parse(entries[1]!.before!)).toMatchObject({ adults_men: 12, children_boys: 2 });
		expect(JSON.parse(entries[1]!.after!)).toMatchObject({ adults_men: 15, children_boys: 0 });
		const row = await eventRow(id);
		expect([row.status, row.version]).toEqual(['held', 2]);
	});

	it('writes nothing when the counts are the same as recorded', async () => {
		const id = await world.event();
		const { after } = await world.moments(id);
		await record(world.manager, eventCounts(id), after);
		expect(await record(world.manager, eventCounts(id, {}, 1), after)).toMatchObject({
			ok: true,
			changed: false
		});
		expect((await findEventAttendance(world.db, id))?.version).toBe(1);
		expect(await auditOf(id)).toHaveLength(1);
	});

	it('refuses a stale form ("changed by someone else") and writes nothing', async () => {
		const id = await world.event();
		const { after } = await world.moments(id);
		// Two people opened the empty form; the first saves.
		await record(world.manager, eventCounts(id), after);
		expect(await record(world.admin, eventCounts(id, { adults_women: 40 }), after)).toEqual({
			ok: false,
			error: 'stale'
		});
		// An edit built from version 1 after someone saved version 2.
		await record(world.manager, eventCounts(id, { youth_girls: 8 }, 1), after);
		expect(await record(world.admin, eventCounts(id, { youth_girls: 9 }, 1), after)).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await findEventAttendance(world.db, id)).toMatchObject({
			adults_women: 20,
			youth_girls: 8,
			version: 2
		});
		expect(await auditOf(id)).toHaveLength(2);
		expect((await eventRow(id)).version).toBe(2);
	});

	it('refuses before the event has started, and from its start it is allowed', async () => {
		const id = await world.event();
		const { before, during } = await world.moments(id);
		expect(await record(world.manager, eventCounts(id), before)).toEqual({
			ok: false,
			error: 'refused',
			problem: 'not_started'
		});
		expect(await findEventAttendance(world.db, id)).toBeUndefined();
		expect((await eventRow(id)).status).toBe('scheduled');
		expect(await record(world.manager, eventCounts(id), during)).toMatchObject({
			ok: true,
			status: 'held'
		});
	});

	it('refuses a cancelled event, and says so about an event', async () => {
		const id = await world.event();
		const row = await eventRow(id);
		const cancelled = await changeCampaignEvent(
			world.db,
			world.manager,
			{ campaignId: row.campaign_id, eventId: id, version: row.version },
			{ action: 'cancel', reason: 'بارش شدید برف' },
			NOW
		);
		expect(cancelled.ok).toBe(true);
		const { after } = await world.moments(id);
		expect(await record(world.admin, eventCounts(id), after)).toEqual({
			ok: false,
			error: 'refused',
			problem: 'cancelled'
		});
		expect(await findEventAttendance(world.db, id)).toBeUndefined();
		expect(await auditOf(id)).toEqual([]);
		expect((await eventRow(id)).status).toBe('cancelled');
		expect(attendanceRefusalMessage('cancelled', 'campaign_event')).toBe(
			'این برنامه لغو شده است؛ حضوری برای آن ثبت نمی‌شود.'
		);
		expect(attendanceRefusalMessage('not_started', 'campaign_event')).toContain('برنامه');
	});

	it("lets its centre's managers and admins record; readers are forbidden, others see nothing", async () => {
		const expected: [string, CampaignActor, string][] = [
			['manager', world.manager, 'ok'],
			['admin', world.admin, 'ok'],
			['staff', world.staff, 'forbidden'],
			['liaison', world.liaison, 'forbidden'],
			['manager2', world.manager2, 'not_found'],
			['staff2', world.staff2, 'not_found']
		];
		for (const [account, actor, outcome] of expected) {
			const id = await world.event();
			const { after } = await world.moments(id);
			const result = await record(actor, eventCounts(id), after);
			expect([account, result.ok ? 'ok' : result.error]).toEqual([account, outcome]);
			if (!result.ok) {
				expect(await findEventAttendance(world.db, id)).toBeUndefined();
				expect((await eventRow(id)).status).toBe('scheduled');
			}
		}
		// manager2@'s own centre is theirs to record, and not manager@'s.
		const shahin = await world.event({ center: 'شاهین', actor: world.manager2 });
		const { after } = await world.moments(shahin);
		expect(await record(world.manager, eventCounts(shahin), after)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await record(world.manager2, eventCounts(shahin), after)).toMatchObject({ ok: true });
	});

	it('refuses counts that are not whole numbers from 0 to 5000 in any field, and nobody at all', async () => {
		const id = await world.event();
		const { after } = await world.moments(id);
		for (const bad of [-1, 2.5, 5001, Number.NaN, Number.POSITIVE_INFINITY, 1e12])
			for (const field of eventCountFields)
				expect([
					field,
					bad,
					await record(world.manager, eventCounts(id, { [field]: bad }), after)
				]).toEqual([field, bad, { ok: false, error: 'refused', problem: 'count_invalid' }]);
		const zeros = Object.fromEntries(eventCountFields.map((f) => [f, 0]));
		expect(await record(world.manager, eventCounts(id, zeros), after)).toEqual({
			ok: false,
			error: 'refused',
			problem: 'nobody'
		});
		expect(await findEventAttendance(world.db, id)).toBeUndefined();
		expect((await eventRow(id)).status).toBe('scheduled');
		// 5000 in one box and 0 in the others is a valid recording.
		expect(
			await record(world.manager, eventCounts(id, { ...zeros, adults_women: 5000 }), after)
		).toMatchObject({ ok: true });
	});

	it('answers the question a closure on its day raised: held, no longer needing attention', async () => {
		const id = await world.event({ date: SUNDAYS[1] });
		const centre = await createClosure(
			world.db,
			world.adminActor,
			closure(world, SUNDAYS[1]!, { kind: 'center', center_id: world.dowlab.centerId }),
			NOW
		);
		expect(centre.ok).toBe(true);
		expect((await eventRow(id)).needs_attention).toBe(1);
		const { after } = await world.moments(id);
		expect(await record(world.manager, eventCounts(id), after)).toMatchObject({ ok: true });
		expect(await eventRow(id)).toMatchObject({
			status: 'held',
			needs_attention: 0,
			attention_closure_id: null
		});
	});

	it('takes the event off the overdue list of "needs your action"', async () => {
		const id = await world.event();
		const { after } = await world.moments(id);
		const overdue = async (actor: CampaignActor) =>
			(await findCampaignEventsNeedingAction(world.db, actor, after))
				.find((list) => list.kind === 'event_attendance_overdue')!
				.rows.map((row) => row.id);
		for (const actor of [world.manager, world.admin, world.liaison])
			expect(await overdue(actor)).toContain(id);
		await record(world.manager, eventCounts(id), after);
		for (const actor of [world.manager, world.admin, world.liaison])
			expect(await overdue(actor)).not.toContain(id);
	});
});
