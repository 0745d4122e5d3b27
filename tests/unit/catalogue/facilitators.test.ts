import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../../src/lib/server/auth/guard.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { m } from '../../../src/lib/paraglide/messages.js';
import type { FacilitatorInput } from '../../../src/lib/schemas/catalogue.ts';
import { facilitatorErrorMessage } from '../../../src/lib/server/facilitators/messages.ts';
import {
	FACILITATOR_PAGE_SIZE,
	findFacilitatorForReader,
	listFacilitators
} from '../../../src/lib/server/facilitators/repository.ts';
import {
	createFacilitator,
	updateFacilitator
} from '../../../src/lib/server/facilitators/service.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import { findTopicByCode } from '../../../src/lib/server/topics/repository.ts';
import { setTopicActive } from '../../../src/lib/server/topics/service.ts';
import { findUserByEmail, findUserScope } from '../../../src/lib/server/users/repository.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { demoTopicIds, onlyAudit, type DemoTopicCode } from './fixtures.ts';
import {
	auditRows,
	demoDistrictId,
	demoPasswordHash,
	insertSecondDistrict,
	type SecondDistrict
} from '../users/fixtures.ts';

const NOW = new Date('2026-11-27T09:00:00.000Z');

describe('facilitators', () => {
	let db: DB;
	let districtId: number;
	let other: SecondDistrict;
	let admin: Actor;
	let topicIds: Record<DemoTopicCode, number>;

	async function userOf(email: string): Promise<AuthUser> {
		const user = (await findUserByEmail(db, email))!;
		return { ...user, scope: await findUserScope(db, user) };
	}
	const actorOf = (user: AuthUser): Actor => ({
		id: user.id,
		ip: '10.0.0.9',
		districtIds: user.scope.districtIds
	});
	const names = (rows: { name: string }[]) => rows.map((f) => f.name).sort();
	const facilitatorRow = (id: number) =>
		db.selectFrom('facilitators').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	const topicsOf = async (id: number) =>
		(
			await db
				.selectFrom('facilitator_topics')
				.select('topic_id')
				.where('facilitator_id', '=', id)
				.orderBy('topic_id')
				.execute()
		).map((r) => r.topic_id);
	const demoFacilitator = async (name: string) =>
		db.selectFrom('facilitators').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

	function input(extra: Partial<FacilitatorInput> = {}): FacilitatorInput {
		return {
			district_id: districtId,
			name: 'مریم کاظمی‌نژاد',
			organization: 'health',
			phone: '۰۲۱-۳۳۴۴ ۵۵۶۶',
			topic_ids: [topicIds.addiction, topicIds.mental_health],
			active: true,
			...extra
		};
	}

	beforeEach(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		districtId = await demoDistrictId(db);
		other = await insertSecondDistrict(db, await demoPasswordHash(db));
		admin = actorOf(await userOf('admin@demo.test'));
		topicIds = await demoTopicIds(db);
	});

	describe('changes by an admin', () => {
		it('adds a facilitator with a search key, a Latin-digit phone and their topics, audited', async () => {
			const result = await createFacilitator(db, admin, input(), NOW);
			expect(result.ok).toBe(true);
			const id = (result as { id: number }).id;
			expect(await facilitatorRow(id)).toMatchObject({
				district_id: districtId,
				name: 'مریم کاظمی‌نژاد',
				name_search: 'مریمکاظمینژاد',
				organization: 'health',
				phone: '02133445566',
				active: 1,
				version: 1
			});
			expect(await topicsOf(id)).toEqual(
				[topicIds.addiction, topicIds.mental_health].sort((a, b) => a - b)
			);
			const entry = await onlyAudit(db, 'record_created', id);
			expect(entry).toMatchObject({ actor_id: admin.id, entity_type: 'facilitator' });
			expect(JSON.parse(entry.after!)).toMatchObject({
				name: 'مریم کاظمی‌نژاد',
				phone: '02133445566',
				active: true
			});
		});

		it('edits a facilitator, rewriting the search key and topics, audited before and after', async () => {
			const f = await demoFacilitator('زهرا کریمی');
			const result = await updateFacilitator(
				db,
				admin,
				f.id,
				f.version,
				input({ name: 'زهرا کریمی‌پور', topic_ids: [topicIds.bullying], active: false }),
				NOW
			);
			expect(result).toEqual({ ok: true, id: f.id });
			expect(await facilitatorRow(f.id)).toMatchObject({
				name_search: 'زهراکریمیپور',
				active: 0,
				version: f.version + 1
			});
			expect(await topicsOf(f.id)).toEqual([topicIds.bullying]);
			const entry = await onlyAudit(db, 'record_updated', f.id);
			expect(entry.entity_type).toBe('facilitator');
			expect(JSON.parse(entry.before!)).toMatchObject({ name: 'زهرا کریمی', active: true });
			expect(JSON.parse(entry.after!)).toMatchObject({
				name: 'زهرا کریمی‌پور',
				active: false,
				topic_ids: [topicIds.bullying]
			});
		});

		it('refuses a stale edit with nothing written', async () => {
			const f = await demoFacilitator('رضا نوری');
			await updateFacilitator(db, admin, f.id, f.version, input({ name: 'رضا نوری' }), NOW);
			const saved = await facilitatorRow(f.id);
			const savedTopics = await topicsOf(f.id);
			const auditCount = (await db.selectFrom('audit_log').select('id').execute()).length;
			const stale = await updateFacilitator(
				db,
				admin,
				f.id,
				f.version,
				input({ name: 'رضا نوری‌زاده', topic_ids: [topicIds.parenting] }),
				NOW
			);
			expect(stale).toEqual({ ok: false, error: 'stale' });
			expect(await facilitatorRow(f.id)).toEqual(saved);
			expect(await topicsOf(f.id)).toEqual(savedTopics);
			expect(await db.selectFrom('audit_log').select('id').execute()).toHaveLength(auditCount);
		});

		it('offers only active topics, but keeps a retired topic the facilitator already has', async () => {
			const labour = (await findTopicByCode(db, 'child_labour'))!;
			await setTopicActive(db, admin, labour.id, labour.version, false, NOW);
			expect(await createFacilitator(db, admin, input({ topic_ids: [labour.id] }), NOW)).toEqual({
				ok: false,
				error: 'topic_unavailable',
				field: 'topic_ids'
			});
			expect(await createFacilitator(db, admin, input({ topic_ids: [99999] }), NOW)).toEqual({
				ok: false,
				error: 'topic_unavailable',
				field: 'topic_ids'
			});
			const f = await demoFacilitator('رضا نوری'); // child_labour and violence
			const kept = input({ topic_ids: [labour.id, topicIds.violence] });
			expect((await updateFacilitator(db, admin, f.id, f.version, kept, NOW)).ok).toBe(true);
			expect(await topicsOf(f.id)).toContain(labour.id);
			expect(facilitatorErrorMessage('topic_unavailable')).toBe(
				m.catalogue_topic_unavailable({}, { locale: 'fa' })
			);
			expect(m.catalogue_topic_unavailable({}, { locale: 'en' })).toBe(
				'One of the topics is retired or does not exist.'
			);
		});
	});

	describe('search, filters and paging', () => {
		it('finds a name typed with Arabic ي/ك or with ZWNJ, space or nothing between its parts', async () => {
			const reader = await userOf('admin@demo.test');
			await createFacilitator(db, admin, input({ name: 'علی رحمانی‌فر' }), NOW);
			for (const query of ['كريمي', 'زهرا  کریمی', 'زهراكريمي']) {
				const { rows } = await listFacilitators(db, reader, { query }, 1);
				expect(names(rows), query).toEqual(['زهرا کریمی']);
			}
			for (const query of ['رحمانی فر', 'رحمانيفر', 'رحمانی‌فر']) {
				const { rows } = await listFacilitators(db, reader, { query }, 1);
				expect(names(rows), query).toEqual(['علی رحمانی‌فر']);
			}
			expect((await listFacilitators(db, reader, { query: '%' }, 1)).total).toBe(0);
		});

		it('filters by organisation, topic and active', async () => {
			const reader = await userOf('liaison@demo.test');
			const police = await listFacilitators(db, reader, { organization: 'police' }, 1);
			expect(names(police.rows)).toEqual(['سرهنگ علی محمدی']);
			const cyber = await listFacilitators(db, reader, { topicId: topicIds.cyberspace }, 1);
			expect(names(cyber.rows)).toEqual(['سرهنگ علی محمدی', 'سمیه جعفری']);
			expect(cyber.rows[0]!.topics.map((t) => t.id)).toContain(topicIds.cyberspace);

			const f = await demoFacilitator('سمیه جعفری');
			const inactive = input({ name: f.name, topic_ids: [topicIds.cyberspace], active: false });
			await updateFacilitator(db, admin, f.id, f.version, inactive, NOW);
			const active = await listFacilitators(db, reader, { topicId: topicIds.cyberspace }, 1);
			expect(names(active.rows)).toEqual(['سرهنگ علی محمدی']);
			const all = await listFacilitators(
				db,
				reader,
				{ topicId: topicIds.cyberspace, includeInactive: true },
				1
			);
			expect(names(all.rows)).toEqual(['سرهنگ علی محمدی', 'سمیه جعفری']);
		});

		it('pages through a long list', async () => {
			for (let i = 1; i <= 15; i += 1) {
				await createFacilitator(db, admin, input({ name: `مربی ${i}`, topic_ids: [] }), NOW);
			}
			const reader = await userOf('admin@demo.test');
			const first = await listFacilitators(db, reader, {}, 1);
			const second = await listFacilitators(db, reader, {}, 2);
			expect(first.total).toBe(23);
			expect(first.rows).toHaveLength(FACILITATOR_PAGE_SIZE);
			expect(second.rows).toHaveLength(23 - FACILITATOR_PAGE_SIZE);
			const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
			expect(ids.size).toBe(23);
		});
	});

	describe('scope', () => {
		it("lets an admin of another district neither see nor change District 14's facilitators", async () => {
			const otherAdmin = await userOf('admin15@other.test');
			const f = await demoFacilitator('حسین احمدی');
			expect((await listFacilitators(db, otherAdmin, {}, 1)).total).toBe(0);
			expect(await findFacilitatorForReader(db, otherAdmin, f.id)).toBeNull();
			const before = await facilitatorRow(f.id);
			expect(
				await updateFacilitator(db, actorOf(otherAdmin), f.id, f.version, input(), NOW)
			).toEqual({ ok: false, error: 'not_found' });
			expect(await createFacilitator(db, actorOf(otherAdmin), input(), NOW)).toEqual({
				ok: false,
				error: 'scope_outside',
				field: 'district_id'
			});
			expect(await facilitatorRow(f.id)).toEqual(before);
			expect(await auditRows(db, 'record_updated')).toHaveLength(0);

			// Their own district's facilitators are theirs to manage and to read.
			const own = await createFacilitator(
				db,
				actorOf(otherAdmin),
				input({ district_id: other.districtId }),
				NOW
			);
			expect(own.ok).toBe(true);
			expect(names((await listFacilitators(db, otherAdmin, {}, 1)).rows)).toEqual([
				'مریم کاظمی‌نژاد'
			]);
			expect(
				names((await listFacilitators(db, await userOf('admin@demo.test'), {}, 1)).rows)
			).not.toContain('مریم کاظمی‌نژاد');
		});

		it("lets centre managers and liaisons read their district's facilitators, not change them", async () => {
			const f = await demoFacilitator('فاطمه حسینی');
			for (const email of ['manager@demo.test', 'manager2@demo.test', 'liaison@demo.test']) {
				const reader = await userOf(email);
				expect((await listFacilitators(db, reader, {}, 1)).total, email).toBe(8);
				expect((await findFacilitatorForReader(db, reader, f.id))?.name, email).toBe(f.name);
			}
			// Liaisons never reach the service: the admin gate below answers 404. Managers have no
			// districts of their own to change.
			for (const email of ['manager@demo.test', 'manager2@demo.test']) {
				const manager = actorOf(await userOf(email));
				expect(await updateFacilitator(db, manager, f.id, f.version, input(), NOW)).toEqual({
					ok: false,
					error: 'not_found'
				});
				expect((await createFacilitator(db, manager, input(), NOW)).ok).toBe(false);
			}
			expect((await facilitatorRow(f.id)).version).toBe(f.version);
			const otherManager = await userOf('manager15@other.test');
			expect((await listFacilitators(db, otherManager, {}, 1)).total).toBe(0);
			expect(await findFacilitatorForReader(db, otherManager, f.id)).toBeNull();
		});

		it('keeps the facilitator pages from school staff (404) and changes to admins', async () => {
			const { requireFacilitatorReader } =
				await import('../../../src/lib/server/facilitators/access.ts');
			const { requireAdminActor } = await import('../../../src/lib/server/auth/actor.ts');
			const eventOf = (user: AuthUser) => ({
				locals: { user } as App.Locals,
				url: new URL('http://localhost/facilitators'),
				getClientAddress: () => '10.0.0.1'
			});
			for (const email of ['staff@demo.test', 'staff2@demo.test']) {
				const event = eventOf(await userOf(email));
				expect(() => requireFacilitatorReader(event), email).toThrow(
					expect.objectContaining({ status: 404 })
				);
			}
			for (const email of ['manager@demo.test', 'liaison@demo.test']) {
				const event = eventOf(await userOf(email));
				expect(requireFacilitatorReader(event).email).toBe(email);
				expect(() => requireAdminActor(event), email).toThrow(
					expect.objectContaining({ status: 404 })
				);
			}
		});
	});
});
