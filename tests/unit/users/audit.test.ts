import { beforeAll, describe, expect, it } from 'vitest';
import {
	AUDIT_PAGE_SIZE,
	listAudit,
	listAuditActions,
	recordAudit
} from '../../../src/lib/server/audit/repository.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { insertUser } from './fixtures.ts';

const T0 = new Date('2026-11-26T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('audit log', () => {
	let db: DB;
	let aliceId: number;
	let bobId: number;

	beforeAll(async () => {
		db = await createTestDb();
		aliceId = await insertUser(db, { email: 'alice@audit.test', role: 'admin', passwordHash: 'x' });
		bobId = await insertUser(db, { email: 'bob@audit.test', role: 'admin', passwordHash: 'x' });

		await recordAudit(
			db,
			{
				actorId: aliceId,
				ip: '10.30.0.1',
				action: 'user_updated',
				entityType: 'user',
				entityId: bobId,
				before: { display_name: 'Old name', district_ids: [1] },
				after: { display_name: 'New name', district_ids: [1, 2] },
				reason: 'typo'
			},
			at(0)
		);
		await recordAudit(
			db,
			{ actorId: null, ip: '10.30.0.9', action: 'sign_in_failed', subject: 'mallory@audit.test' },
			at(1)
		);
		await recordAudit(
			db,
			{ actorId: bobId, action: 'sign_in', entityType: 'user', entityId: bobId },
			at(2)
		);
	});

	it('stores an entry with its before and after as JSON', async () => {
		const row = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'user_updated')
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			at: at(0).toISOString(),
			actor_id: aliceId,
			ip: '10.30.0.1',
			entity_type: 'user',
			entity_id: bobId,
			subject: null,
			reason: 'typo'
		});
		expect(JSON.parse(row.before!)).toEqual({ display_name: 'Old name', district_ids: [1] });
		expect(JSON.parse(row.after!)).toEqual({ display_name: 'New name', district_ids: [1, 2] });
	});

	it('stores null for whatever an entry leaves out', async () => {
		const row = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'sign_in')
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ ip: null, subject: null, before: null, after: null, reason: null });
	});

	it('lists newest first, with the email of the actor', async () => {
		const { rows, hasMore } = await listAudit(db, {}, 1);
		expect(hasMore).toBe(false);
		expect(rows.map((r) => r.action)).toEqual(['sign_in', 'sign_in_failed', 'user_updated']);
		expect(rows.map((r) => r.actor_email)).toEqual(['bob@audit.test', null, 'alice@audit.test']);
	});

	it('filters by action, actor and time', async () => {
		const byAction = await listAudit(db, { action: 'sign_in_failed' }, 1);
		expect(byAction.rows.map((r) => r.subject)).toEqual(['mallory@audit.test']);

		const byActor = await listAudit(db, { actorId: aliceId }, 1);
		expect(byActor.rows.map((r) => r.action)).toEqual(['user_updated']);

		// From is inclusive, to is exclusive.
		const window = await listAudit(db, { from: at(1).toISOString(), to: at(2).toISOString() }, 1);
		expect(window.rows.map((r) => r.action)).toEqual(['sign_in_failed']);
	});

	it('searches the subject, the actor email and the before and after', async () => {
		const search = async (query: string) =>
			(await listAudit(db, { query }, 1)).rows.map((r) => r.action);
		expect(await search('mallory')).toEqual(['sign_in_failed']);
		expect(await search('alice@')).toEqual(['user_updated']);
		expect(await search('New name')).toEqual(['user_updated']);
		expect(await search('Old name')).toEqual(['user_updated']);
		expect(await search('nothing-like-this')).toEqual([]);
	});

	it('pages by AUDIT_PAGE_SIZE and tells whether there is more', async () => {
		const paged = await createTestDb();
		try {
			const total = AUDIT_PAGE_SIZE + 3;
			for (let i = 0; i < total; i++) {
				await recordAudit(
					paged,
					{ actorId: null, action: 'sign_in', subject: `entry_${i}` },
					at(i)
				);
			}
			const first = await listAudit(paged, {}, 1);
			expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
			expect(first.hasMore).toBe(true);
			expect(first.rows[0]!.subject).toBe(`entry_${total - 1}`);
			const second = await listAudit(paged, {}, 2);
			expect(second.rows.map((r) => r.subject)).toEqual(['entry_2', 'entry_1', 'entry_0']);
			expect(second.hasMore).toBe(false);

			// Exactly one page: no next page.
			await paged
				.deleteFrom('audit_log')
				.where('subject', 'in', ['entry_0', 'entry_1', 'entry_2'])
				.execute();
			expect((await listAudit(paged, {}, 1)).hasMore).toBe(false);
		} finally {
			await paged.destroy();
		}
	});

	it('lists the distinct actions', async () => {
		expect(await listAuditActions(db)).toEqual(['sign_in', 'sign_in_failed', 'user_updated']);
	});
});
