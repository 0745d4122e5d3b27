import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bellSessionRefusalMessage } from '../../../src/lib/server/bell-sessions/messages.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import {
	actorOf,
	createSessionWorld,
	NOW,
	proposal,
	refusalOf,
	type SessionWorld
} from './fixtures.ts';

describe('proposing a bell session', () => {
	let world: SessionWorld;
	beforeEach(async () => {
		world = await createSessionWorld();
	});
	afterEach(async () => world.db.destroy());

	it('stores a proposal with UTC instants and audits it in the same step', async () => {
		const { db, manager } = world;
		const result = await proposeBellSession(db, manager, proposal(world), NOW);
		expect(result.ok).toBe(true);
		const id = result.ok ? result.id : -1;
		const row = await db
			.selectFrom('bell_sessions')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			status: 'proposed',
			school_id: world.dowlab.schoolId,
			center_id: world.dowlab.centerId,
			grades: '7,8,9',
			date: '2026-12-01',
			start_time: '08:00',
			// 08:00 in Tehran (UTC+03:30).
			starts_at: '2026-12-01T04:30:00.000Z',
			ends_at: '2026-12-01T05:30:00.000Z',
			proposed_by: manager.id,
			created_at: NOW.toISOString(),
			version: 1
		});
		const audit = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'bell_session_proposed')
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actor_id: manager.id,
			entity_type: 'bell_session',
			entity_id: id,
			ip: '10.14.0.7'
		});
		expect(JSON.parse(audit[0]!.after!)).toMatchObject({ id, status: 'proposed' });
	});

	it('stores no grades for parents or teachers', async () => {
		const { db, manager } = world;
		const result = await proposeBellSession(
			db,
			manager,
			proposal(world, { audience: 'parents', grades: [] }),
			NOW
		);
		expect(result.ok).toBe(true);
		const row = await db.selectFrom('bell_sessions').select('grades').executeTakeFirstOrThrow();
		expect(row.grades).toBeNull();
	});

	it("answers not_found for a neighbourhood outside the manager's centres, and for other roles", async () => {
		const { db, manager } = world;
		const shahin = proposal(world, {
			neighborhood_id: world.shahin.neighborhoodId,
			school_id: world.shahin.schoolId
		});
		expect(await proposeBellSession(db, manager, shahin, NOW)).toEqual({
			ok: false,
			error: 'not_found'
		});
		for (const email of ['staff@demo.test', 'liaison@demo.test']) {
			const user = await actorOf(db, email);
			expect(await proposeBellSession(db, user, proposal(world), NOW), email).toEqual({
				ok: false,
				error: 'not_found'
			});
		}
		expect(await db.selectFrom('bell_sessions').select('id').execute()).toEqual([]);
		// An admin may propose for any neighbourhood of their district.
		expect((await proposeBellSession(db, world.admin, shahin, NOW)).ok).toBe(true);
	});

	it('refuses a neighbourhood without a pairing this year, and a school that is not the paired one', async () => {
		const { db, admin, manager } = world;
		const unpaired = await db
			.selectFrom('neighborhoods')
			.select('id')
			.where('name_fa', '=', 'شهرابی')
			.executeTakeFirstOrThrow();
		const noPairing = await proposeBellSession(
			db,
			admin,
			proposal(world, { neighborhood_id: unpaired.id }),
			NOW
		);
		expect(refusalOf(noPairing)).toEqual({ problem: 'no_pairing' });
		expect(bellSessionRefusalMessage(refusalOf(noPairing)!, 'en')).toMatch(/no paired school/);
		expect(bellSessionRefusalMessage(refusalOf(noPairing)!, 'fa')).toMatch(/هم‌پیمان ندارد/);

		const wrongSchool = await proposeBellSession(
			db,
			manager,
			proposal(world, { school_id: world.shahin.schoolId }),
			NOW
		);
		expect(refusalOf(wrongSchool)).toEqual({ problem: 'not_paired_school' });
		expect(bellSessionRefusalMessage(refusalOf(wrongSchool)!, 'en')).toMatch(
			/not the school paired/
		);
		expect(bellSessionRefusalMessage(refusalOf(wrongSchool)!, 'fa')).toMatch(
			/هم‌پیمان این محله نیست/
		);
	});

	it('refuses an inactive topic or facilitator, and a topic not meant for the audience', async () => {
		const { db, manager } = world;
		const topicId = world.topicId('addiction');
		const facilitatorId = world.facilitatorId('زهرا کریمی');
		const cases = [
			[{ audience: 'teachers' as const, grades: [] }, 'topic_audience', /not meant/, /مخاطبان/],
			[{ grades: [] }, 'grades_required', /grades/, /پایه/],
			[{ audience: 'parents' as const }, 'grades_not_allowed', /only given/, /فقط/],
			[{ expected_headcount: 0 }, 'headcount', /headcount/, /شمار/]
		] as const;
		for (const [values, problem, en, fa] of cases) {
			const refusal = refusalOf(
				await proposeBellSession(db, manager, proposal(world, values), NOW)
			);
			expect(refusal, problem).toEqual({ problem });
			expect(bellSessionRefusalMessage(refusal!, 'en')).toMatch(en);
			expect(bellSessionRefusalMessage(refusal!, 'fa')).toMatch(fa);
		}

		await db.updateTable('topics').set({ active: 0 }).where('id', '=', topicId).execute();
		const topic = refusalOf(await proposeBellSession(db, manager, proposal(world), NOW));
		expect(topic).toEqual({ problem: 'topic_inactive' });
		expect(bellSessionRefusalMessage(topic!, 'en')).toBe('This topic is not active.');
		expect(bellSessionRefusalMessage(topic!, 'fa')).toBe('این موضوع فعال نیست.');
		await db.updateTable('topics').set({ active: 1 }).where('id', '=', topicId).execute();

		await db
			.updateTable('facilitators')
			.set({ active: 0 })
			.where('id', '=', facilitatorId)
			.execute();
		const facilitator = refusalOf(await proposeBellSession(db, manager, proposal(world), NOW));
		expect(facilitator).toEqual({ problem: 'facilitator_inactive' });
		expect(bellSessionRefusalMessage(facilitator!, 'en')).toMatch(/facilitator is not active/);
		expect(bellSessionRefusalMessage(facilitator!, 'fa')).toMatch(/تسهیلگر در این منطقه فعال نیست/);
		expect(await db.selectFrom('bell_sessions').select('id').execute()).toEqual([]);
		expect(
			await db
				.selectFrom('audit_log')
				.select('id')
				.where('action', '=', 'bell_session_proposed')
				.execute()
		).toEqual([]);
	});
});
