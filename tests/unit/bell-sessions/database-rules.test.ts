import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import { createSessionWorld, NOW, proposal, type SessionWorld } from './fixtures.ts';
import { refusedBy } from '../../helpers/test-db.ts';

describe('the bell_sessions table', () => {
	let world: SessionWorld;
	beforeEach(async () => {
		world = await createSessionWorld();
	});
	afterEach(async () => world.db.destroy());

	it('refuses an unknown status or audience, and grades that do not match the audience', async () => {
		const { db } = world;
		const result = await proposeBellSession(db, world.manager, proposal(world), NOW);
		const id = result.ok ? result.id : -1;
		const update = (values: Record<string, unknown>) =>
			db.updateTable('bell_sessions').set(values).where('id', '=', id).execute();
		await expect(update({ status: 'approved' })).rejects.toThrow(refusedBy.check);
		await expect(update({ audience: 'everyone' })).rejects.toThrow(refusedBy.check);
		await expect(update({ audience: 'parents' })).rejects.toThrow(refusedBy.check);
		await expect(update({ grades: null })).rejects.toThrow(refusedBy.check);
		await expect(update({ start_time: '8:00' })).rejects.toThrow(refusedBy.check);
		await expect(update({ ends_at: '2026-12-01T04:00:00.000Z' })).rejects.toThrow(refusedBy.check);
		await update({ audience: 'parents', grades: null });
		await update({ status: 'confirmed' });
	});
});
