import { describe, expect, it } from 'vitest';
import { COUNT_CAP } from '../../../src/lib/counts.ts';
import { countUpTo } from '../../../src/lib/server/db/count-up-to.ts';
import { createTestDb } from '../../helpers/test-db.ts';

describe('counting up to the cap', () => {
	it('counts exactly up to the cap and stops one past it', async () => {
		const db = await createTestDb();
		const rows = Array.from({ length: COUNT_CAP + 50 }, (_, i) => ({
			at: `2026-11-26T08:00:${String(i % 60).padStart(2, '0')}Z`,
			action: i % 2 ? 'odd' : 'even'
		}));
		for (let i = 0; i < rows.length; i += 500)
			await db
				.insertInto('audit_log')
				.values(rows.slice(i, i + 500))
				.execute();
		const all = db.selectFrom('audit_log').selectAll().orderBy('at');
		expect(await countUpTo(db, all)).toBe(COUNT_CAP + 1);
		expect(await countUpTo(db, all.where('action', '=', 'odd'))).toBe((COUNT_CAP + 50) / 2);
		expect(await countUpTo(db, all.where('action', '=', 'none'))).toBe(0);
		await db.destroy();
	});
});
