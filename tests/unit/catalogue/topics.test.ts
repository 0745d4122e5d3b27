import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { m } from '../../../src/lib/paraglide/messages.js';
import {
	findTopicByCode,
	listTopicOptions,
	listTopics
} from '../../../src/lib/server/topics/repository.ts';
import {
	createTopic,
	setTopicActive,
	updateTopic,
	type CatalogueActor
} from '../../../src/lib/server/topics/service.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { onlyAudit } from './fixtures.ts';
import { auditRows, userByEmail } from '../users/fixtures.ts';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const gambling = {
	code: 'gambling',
	name_fa: 'قمار و شرط‌بندی',
	name_en: 'Gambling',
	audience: ['students', 'parents'] as ('students' | 'parents' | 'teachers')[]
};

describe('topics catalogue', () => {
	let db: DB;
	let admin: CatalogueActor;

	beforeEach(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		admin = { id: (await userByEmail(db, 'admin@demo.test')).id, ip: '10.0.0.7' };
	});

	const topicRow = (id: number) =>
		db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	const codes = (rows: { code: string }[]) => rows.map((t) => t.code).sort();

	it('adds a topic shared by every district, with its audience, and audits it', async () => {
		const result = await createTopic(db, admin, gambling, NOW);
		expect(result.ok).toBe(true);
		const id = (result as { id: number }).id;
		expect(await topicRow(id)).toMatchObject({
			code: 'gambling',
			for_students: 1,
			for_parents: 1,
			for_teachers: 0,
			active: 1,
			version: 1
		});
		const entry = await onlyAudit(db, 'record_created', id);
		expect(entry).toMatchObject({ actor_id: admin.id, ip: '10.0.0.7', entity_type: 'topic' });
		expect(entry.at).toBe(NOW.toISOString());
		expect(JSON.parse(entry.after!)).toEqual({
			code: 'gambling',
			name_fa: 'قمار و شرط‌بندی',
			name_en: 'Gambling',
			audience: ['students', 'parents'],
			active: true
		});
	});

	it('refuses a code that is already taken, writing nothing', async () => {
		const before = await db.selectFrom('audit_log').select('id').execute();
		const result = await createTopic(db, admin, { ...gambling, code: 'addiction' }, NOW);
		expect(result).toEqual({ ok: false, error: 'code_taken', field: 'code' });
		expect(await db.selectFrom('topics').select('id').execute()).toHaveLength(8);
		expect(await db.selectFrom('audit_log').select('id').execute()).toHaveLength(before.length);
		expect(m.catalogue_code_taken({}, { locale: 'fa' })).toBe('موضوعی با این کد وجود دارد.');
		expect(m.catalogue_code_taken({}, { locale: 'en' })).toBe(
			'A topic with this code already exists.'
		);
	});

	it('edits names and audience, keeps the code, and audits before and after', async () => {
		const topic = (await findTopicByCode(db, 'violence'))!;
		const result = await updateTopic(
			db,
			admin,
			topic.id,
			topic.version,
			{ name_fa: 'پیشگیری از خشونت خانگی', name_en: 'Domestic violence', audience: ['teachers'] },
			NOW
		);
		expect(result).toEqual({ ok: true, id: topic.id });
		expect(await topicRow(topic.id)).toMatchObject({
			code: 'violence',
			name_en: 'Domestic violence',
			for_students: 0,
			for_parents: 0,
			for_teachers: 1,
			version: topic.version + 1
		});
		const entry = await onlyAudit(db, 'record_updated', topic.id);
		expect(entry.entity_type).toBe('topic');
		expect(JSON.parse(entry.before!)).toMatchObject({ name_en: 'Violence prevention' });
		expect(JSON.parse(entry.after!)).toMatchObject({
			code: 'violence',
			name_en: 'Domestic violence',
			audience: ['teachers']
		});
	});

	it('refuses a stale edit and a stale retirement, with nothing written', async () => {
		const topic = (await findTopicByCode(db, 'bullying'))!;
		const first = { name_fa: 'قلدری', name_en: 'Bullying at school', audience: ['students'] };
		await updateTopic(db, admin, topic.id, topic.version, first as typeof gambling, NOW);
		const afterFirst = await topicRow(topic.id);
		const auditCount = (await db.selectFrom('audit_log').select('id').execute()).length;

		const second = { ...first, name_en: 'Peer bullying' } as typeof gambling;
		expect(await updateTopic(db, admin, topic.id, topic.version, second, NOW)).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await setTopicActive(db, admin, topic.id, topic.version, false, NOW)).toEqual({
			ok: false,
			error: 'stale'
		});
		expect(await topicRow(topic.id)).toEqual(afterFirst);
		expect(await db.selectFrom('audit_log').select('id').execute()).toHaveLength(auditCount);
	});

	it('retires and restores instead of deleting; retired topics are listed only on request', async () => {
		const topic = (await findTopicByCode(db, 'child_labour'))!;
		expect(await setTopicActive(db, admin, topic.id, topic.version, false, NOW)).toEqual({
			ok: true,
			id: topic.id
		});
		expect((await topicRow(topic.id)).active).toBe(0);
		expect(codes(await listTopics(db))).not.toContain('child_labour');
		const all = await listTopics(db, { includeRetired: true });
		expect(all.find((t) => t.code === 'child_labour')?.active).toBe(0);
		expect(all).toHaveLength(8);
		expect(codes(await listTopicOptions(db))).not.toContain('child_labour');

		const retired = await onlyAudit(db, 'record_retired', topic.id);
		expect(retired.entity_type).toBe('topic');
		expect(JSON.parse(retired.before!).active).toBe(true);
		expect(JSON.parse(retired.after!).active).toBe(false);

		const version = (await topicRow(topic.id)).version;
		await setTopicActive(db, admin, topic.id, version, true, NOW);
		expect((await topicRow(topic.id)).active).toBe(1);
		expect(codes(await listTopics(db))).toContain('child_labour');
		const restored = await onlyAudit(db, 'record_restored', topic.id);
		expect(JSON.parse(restored.after!).active).toBe(true);
	});

	it('changes nothing when asked for the state a topic is already in', async () => {
		const topic = (await findTopicByCode(db, 'addiction'))!;
		expect(await setTopicActive(db, admin, topic.id, topic.version, true, NOW)).toEqual({
			ok: true,
			id: topic.id
		});
		expect(await topicRow(topic.id)).toEqual(topic);
		expect(await auditRows(db, 'record_restored')).toHaveLength(0);
	});

	it('answers not found for a topic that does not exist', async () => {
		expect(await setTopicActive(db, admin, 9999, 1, false, NOW)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await updateTopic(db, admin, 9999, 1, gambling, NOW)).toEqual({
			ok: false,
			error: 'not_found'
		});
	});

	it('finds names typed with Arabic ي/ك, without ZWNJ, in other digits or in English', async () => {
		expect(codes(await listTopics(db, { query: 'كودكان' }))).toEqual(['child_labour']);
		expect(codes(await listTopics(db, { query: 'مهارتهای زندگي' }))).toEqual(['life_skills']);
		expect(codes(await listTopics(db, { query: 'مهارت های' }))).toEqual([
			'life_skills',
			'parenting'
		]);
		expect(codes(await listTopics(db, { query: 'آسیبهای فضای مجازی' }))).toEqual(['cyberspace']);
		expect(codes(await listTopics(db, { query: 'MENTAL' }))).toEqual(['mental_health']);
		expect(await listTopics(db, { query: '100%' })).toEqual([]);
	});

	it('filters by audience and combines filters with the search', async () => {
		expect(codes(await listTopics(db, { audience: 'parents' }))).toEqual([
			'addiction',
			'parenting'
		]);
		expect(codes(await listTopics(db, { audience: 'teachers', query: 'پیشگیری' }))).toEqual([
			'violence'
		]);
	});
});
