import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSessions } from '../../../src/lib/server/demo/sessions.ts';
import { createSessionWorld, NOW, type SessionWorld } from './fixtures.ts';

// The demo's sessions come through the workflow, so every state has its history.

describe('the demo sessions', () => {
	let world: SessionWorld;
	beforeAll(async () => {
		world = await createSessionWorld();
		await seedDemoSessions(world.db, NOW);
	});
	afterAll(async () => world.db.destroy());

	it('covers the states the home pages ask about, each with its audit history', async () => {
		const { db } = world;
		const rows = await db
			.selectFrom('bell_sessions')
			.select(['id', 'status', 'ends_at'])
			.orderBy('id')
			.execute();
		expect(rows.map((r) => r.status)).toEqual([
			'proposed',
			'counter_proposed',
			'confirmed',
			'confirmed',
			'cancelled',
			'proposed',
			'proposed'
		]);
		// One confirmed session already over: attendance overdue.
		expect(
			rows.filter((r) => r.status === 'confirmed' && r.ends_at < NOW.toISOString())
		).toHaveLength(1);
		for (const row of rows) {
			const history = await db
				.selectFrom('audit_log')
				.select('action')
				.where('entity_type', '=', 'bell_session')
				.where('entity_id', '=', row.id)
				.orderBy('id')
				.execute();
			expect(history[0]?.action).toBe('bell_session_proposed');
		}
	});
});
