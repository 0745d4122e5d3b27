import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBellSessionAttendance } from '../../../src/lib/server/attendance/service.ts';
import {
	findStaffFeedback,
	saveStaffFeedback,
	type StaffFeedbackInput
} from '../../../src/lib/server/feedback/staff.ts';
import {
	counts,
	createAttendanceWorld,
	momentsOf,
	type Account,
	type AttendanceWorld
} from '../attendance/fixtures.ts';

// The school staff rate a held session (relevance, facilitator, engagement: 1–5) with a comment;
// saving again edits their own rating with the version check; each save is on the session's
// history. Nobody else rates a bell session.

describe("the staff's feedback", () => {
	let world: AttendanceWorld;
	let held: number;
	let at: Date;
	beforeAll(async () => {
		world = await createAttendanceWorld();
		held = await world.session();
		at = (await momentsOf(world, held)).after;
		await recordBellSessionAttendance(world.db, world.as.manager, counts(held), at);
	});
	afterAll(async () => world.db.destroy());

	const input = (values: Partial<StaffFeedbackInput> = {}): StaffFeedbackInput => ({
		subject: { kind: 'bell_session', id: held },
		version: 0,
		relevance: 5,
		facilitator: 4,
		engagement: 3,
		comment: 'دانش‌آموزان پرسش‌های زیادی داشتند.',
		...values
	});
	const audit = () =>
		world.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'before', 'after'])
			.where('action', '=', 'staff_feedback_saved')
			.where('entity_id', '=', held)
			.orderBy('id')
			.execute();

	it('is saved, then edited with the version check, each save audited', async () => {
		expect(await saveStaffFeedback(world.db, world.as.staff, input(), at)).toEqual({
			ok: true,
			version: 1
		});
		expect(
			await saveStaffFeedback(world.db, world.as.staff, input({ version: 1, engagement: 5 }), at)
		).toEqual({ ok: true, version: 2 });
		// A form built from version 1 after version 2 was saved: refused, nothing written.
		expect(
			await saveStaffFeedback(world.db, world.as.staff, input({ version: 1, relevance: 1 }), at)
		).toEqual({ ok: false, error: 'stale' });
		expect(await findStaffFeedback(world.db, { kind: 'bell_session', id: held })).toMatchObject([
			{ user_id: world.as.staff.id, relevance: 5, engagement: 5, version: 2 }
		]);
		const entries = await audit();
		expect(entries).toHaveLength(2);
		expect(entries[1]!.actor_id).toBe(world.as.staff.id);
		expect(JSON.parse(entries[1]!.before!)).toMatchObject({ engagement: 3 });
		expect(JSON.parse(entries[1]!.after!)).toMatchObject({ engagement: 5 });
	});

	it('is only for the school’s staff', async () => {
		const outcomes: Record<Exclude<Account, 'staff'>, string> = {
			manager: 'forbidden',
			admin: 'forbidden',
			liaison: 'forbidden',
			staff2: 'not_found',
			manager2: 'not_found'
		};
		for (const [account, error] of Object.entries(outcomes) as [Account, string][])
			expect([account, await saveStaffFeedback(world.db, world.as[account], input(), at)]).toEqual([
				account,
				{ ok: false, error }
			]);
		expect(await audit()).toHaveLength(2);
	});

	it('is only for a held session, with ratings from 1 to 5', async () => {
		const confirmed = await world.session();
		expect(
			await saveStaffFeedback(
				world.db,
				world.as.staff,
				input({ subject: { kind: 'bell_session', id: confirmed } }),
				at
			)
		).toEqual({ ok: false, error: 'not_held' });
		for (const bad of [0, 6, 2.5])
			expect(
				await saveStaffFeedback(
					world.db,
					world.as.staff,
					input({ version: 2, facilitator: bad }),
					at
				)
			).toEqual({ ok: false, error: 'rating_invalid' });
	});
});
