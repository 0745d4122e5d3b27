import { expect } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { auditRows } from '../users/fixtures.ts';

/** The demo catalogue's topic codes. */
export type DemoTopicCode =
	| 'addiction'
	| 'violence'
	| 'cyberspace'
	| 'child_labour'
	| 'bullying'
	| 'life_skills'
	| 'parenting'
	| 'mental_health';

export async function demoTopicIds(db: DB): Promise<Record<DemoTopicCode, number>> {
	const topics = await db.selectFrom('topics').select(['id', 'code']).execute();
	return Object.fromEntries(topics.map((t) => [t.code, t.id])) as Record<DemoTopicCode, number>;
}

/** The one audit entry of `action` about `entityId`. */
export async function onlyAudit(db: DB, action: string, entityId: number) {
	const rows = await auditRows(db, action, entityId);
	expect(rows).toHaveLength(1);
	return rows[0]!;
}
