import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { takeHit, type RateLimit } from '../../../src/lib/server/rate-limit/fixed-window.ts';
import { createTestDb } from '../../helpers/test-db.ts';

// Requests per address in fixed windows, counted in the database: the limit holds per address,
// other addresses and other limits are not held back, a new window starts afresh, the wait is
// the rest of the window, and no address is stored as given.

const minute = (name: string, limit: number): RateLimit => ({ name, limit, windowSeconds: 60 });
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 29, 9, 0, seconds));

describe('the fixed-window rate limit', () => {
	let db: DB;
	beforeAll(async () => {
		db = await createTestDb();
	});
	afterAll(async () => db.destroy());

	it('allows the limit from one address in a window, then refuses with the rest of the window as the wait', async () => {
		const rule = minute('one', 3);
		for (const second of [0, 10, 20])
			expect(await takeHit(db, rule, '10.0.0.1', at(second))).toEqual({ allowed: true });
		expect(await takeHit(db, rule, '10.0.0.1', at(45))).toEqual({
			allowed: false,
			retryAfterSeconds: 15
		});
		// Refusals count too: a flood does not get through by waiting for nothing.
		expect(await takeHit(db, rule, '10.0.0.1', at(59))).toEqual({
			allowed: false,
			retryAfterSeconds: 1
		});
	});

	it('starts afresh in the next window', async () => {
		const rule = minute('two', 1);
		expect(await takeHit(db, rule, '10.0.0.1', at(5))).toEqual({ allowed: true });
		expect((await takeHit(db, rule, '10.0.0.1', at(6))).allowed).toBe(false);
		expect(await takeHit(db, rule, '10.0.0.1', at(65))).toEqual({ allowed: true });
	});

	it('does not hold back other addresses or other limits', async () => {
		const rule = minute('three', 1);
		expect((await takeHit(db, rule, '10.0.0.1', at(1))).allowed).toBe(true);
		expect((await takeHit(db, rule, '10.0.0.1', at(2))).allowed).toBe(false);
		expect((await takeHit(db, rule, '10.0.0.2', at(3))).allowed).toBe(true);
		expect((await takeHit(db, minute('four', 1), '10.0.0.1', at(4))).allowed).toBe(true);
	});

	it('keeps a hash of the address, not the address, and drops passed windows', async () => {
		const rule = minute('five', 5);
		await takeHit(db, rule, '192.0.2.77', at(0));
		await takeHit(db, rule, '192.0.2.78', at(1));
		const keys = async () =>
			(
				await db
					.selectFrom('rate_limit_hits')
					.select('key')
					.where('key', 'like', 'five:%')
					.execute()
			)
				.map((r) => r.key)
				.sort();
		expect(await keys()).toHaveLength(2);
		expect((await keys()).join(' ')).not.toContain('192.0.2');
		// The next window's first request sweeps the last window's rows away.
		await takeHit(db, rule, '192.0.2.79', at(61));
		expect(await keys()).toHaveLength(1);
	});
});
