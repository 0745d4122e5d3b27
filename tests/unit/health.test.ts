import { describe, expect, it } from 'vitest';
import { readHealth } from '../../src/lib/server/health.ts';
import { createTestDb, testEngine } from '../helpers/test-db.ts';

const engine = testEngine === 'postgres' ? 'postgresql' : 'sqlite';

describe('health check', () => {
	it('answers 200 while the database answers', async () => {
		const db = await createTestDb();
		expect(await readHealth(db)).toEqual({
			status: 200,
			body: { status: 'ok', database: 'ok', engine }
		});
		await db.destroy();
	});

	it('answers 503 once the database is stopped', async () => {
		const db = await createTestDb();
		await db.destroy();
		expect(await readHealth(db)).toEqual({
			status: 503,
			body: { status: 'unavailable', database: 'unreachable', engine }
		});
	});
});
