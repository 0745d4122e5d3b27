import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import {
	findSessionsNeedingAction,
	listBellSessions
} from '../../../src/lib/server/bell-sessions/repository.ts';
import { countUnreadNotifications } from '../../../src/lib/server/notifications/repository.ts';
import { findCampaignEventsNeedingAction } from '../../../src/lib/server/campaigns/needs-action.ts';
import { actorOf, createSessionWorld } from '../bell-sessions/fixtures.ts';
import { testEngine } from '../../helpers/test-db.ts';

// The lists every signed-in page shows read sessions through an index on the user's scope
// (centre, neighbourhood, school), never by reading the whole bell_sessions table: with a
// country's sessions a scan costs seconds. Checked on the query plans the engine makes for the
// demo accounts of each role.

/** The statements `run` sends, compiled with their parameters. */
async function statementsOf(db: DB, run: (db: DB) => Promise<unknown>): Promise<CompiledQuery[]> {
	const seen: CompiledQuery[] = [];
	const recorder: KyselyPlugin = {
		transformQuery(args) {
			seen.push(db.getExecutor().compileQuery(args.node, args.queryId));
			return args.node;
		},
		transformResult: async (args) => args.result
	};
	await run(db.withPlugin(recorder));
	return seen;
}

/**
 * The steps of the plan the engine makes for `statement`. PostgreSQL is asked as if scans were
 * dear (the demo's tables are small enough to read whole): a scan it still makes has no index.
 */
async function planOf(db: DB, statement: CompiledQuery): Promise<string[]> {
	if (testEngine === 'sqlite') {
		const plan = await db.executeQuery<{ detail: string }>(
			CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters])
		);
		return plan.rows.map((row) => row.detail);
	}
	return db.transaction().execute(async (trx) => {
		await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
		const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(
			CompiledQuery.raw(`explain ${statement.sql}`, [...statement.parameters])
		);
		return plan.rows.map((row) => row['QUERY PLAN'].trim().replace(/^->\s*/, ''));
	});
}

/** A step that reads a whole big table. */
const wholeTable =
	testEngine === 'sqlite'
		? /^SCAN (bell_sessions|campaign_events)\b/
		: /^Seq Scan on (bell_sessions|campaign_events)\b/;

/** The index a step reads bell_sessions through, if it does. */
function sessionIndexOf(step: string): string | undefined {
	const match =
		/^SEARCH bell_sessions USING (?:COVERING )?INDEX (\w+)/.exec(step) ??
		/^(?:Index Scan|Index Only Scan) (?:Backward )?using (\w+) on bell_sessions\b/.exec(step) ??
		/^Bitmap Index Scan on (bell_sessions_\w+)/.exec(step);
	return match?.[1];
}

let db: DB;
beforeAll(async () => {
	({ db } = await createSessionWorld());
});

const pages: [string, (db: DB, user: Awaited<ReturnType<typeof actorOf>>) => Promise<unknown>][] = [
	['needs your action', (db, user) => findSessionsNeedingAction(db, user)],
	['the session list', (db, user) => listBellSessions(db, user, {}, 1)],
	[
		'the session list by status',
		(db, user) => listBellSessions(db, user, { statuses: ['confirmed'] }, 1)
	],
	['the unread count', (db, user) => countUnreadNotifications(db, user)],
	['campaign events needing action', (db, user) => findCampaignEventsNeedingAction(db, user)]
];

describe.each(['admin', 'liaison', 'manager', 'staff'])('%s@demo.test', (account) => {
	it.each(pages)('reads %s through an index, never a scan of the big tables', async (name, run) => {
		const user = await actorOf(db, `${account}@demo.test`);
		const statements = await statementsOf(db, (db) => run(db, user));
		// School staff have no campaign events waiting on them: nothing is asked.
		if (!(account === 'staff' && name.startsWith('campaign')))
			expect(statements.length).toBeGreaterThan(0);
		for (const statement of statements) {
			const plan = await planOf(db, statement);
			expect(plan.filter((step) => wholeTable.test(step))).toEqual([]);
		}
	});
});

describe('a liaison over a country', () => {
	it('reads sessions waiting on someone by status and time, not neighbourhood by neighbourhood', async () => {
		const liaison = await actorOf(db, 'liaison@demo.test');
		const districtIds = Array.from({ length: 30 }, (_, i) => liaison.scope.districtIds[0]! + i);
		const user = { ...liaison, scope: { ...liaison.scope, districtIds } };
		const statements = await statementsOf(db, (db) => findSessionsNeedingAction(db, user));
		const plans = await Promise.all(statements.map((statement) => planOf(db, statement)));
		const steps = plans.flat();
		expect(steps.filter((step) => wholeTable.test(step))).toEqual([]);
		const indexes = steps.map(sessionIndexOf).filter((index) => index !== undefined);
		expect(indexes.length).toBeGreaterThan(0);
		for (const index of indexes) expect(index).toMatch(/^bell_sessions_status_(starts|updated)$/);
	});
});
