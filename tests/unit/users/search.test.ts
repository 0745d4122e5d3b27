import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/lib/server/audit/repository.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import { listUsersInDistricts } from '../../../src/lib/server/users/repository.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { demoDistrictId, demoPasswordHash, insertUser } from './fixtures.ts';

describe('search text', () => {
	let db: DB;
	let districtId: number;

	beforeAll(async () => {
		db = await createTestDb();
		await seedDemoDistrict(db, '2026-11-26');
		districtId = await demoDistrictId(db);
		await insertUser(db, {
			email: 'under_score@demo.test',
			passwordHash: await demoPasswordHash(db),
			districtIds: [districtId]
		});
		await db
			.insertInto('audit_log')
			.values({ at: '2026-11-26T08:00:00.000Z', action: 'sign_in_failed', subject: '100%@x.test' })
			.execute();
	});

	it('matches % and _ in a user search literally, not as wildcards', async () => {
		expect((await listUsersInDistricts(db, [districtId], { query: '%' }, 1)).total).toBe(0);
		const underscore = await listUsersInDistricts(db, [districtId], { query: '_' }, 1);
		expect(underscore.rows.map((r) => r.email)).toEqual(['under_score@demo.test']);
		const pattern = await listUsersInDistricts(db, [districtId], { query: 'r_s' }, 1);
		expect(pattern.rows.map((r) => r.email)).toEqual(['under_score@demo.test']);
		expect((await listUsersInDistricts(db, [districtId], { query: 'rxs' }, 1)).total).toBe(0);
	});

	it('matches % in an audit search literally', async () => {
		const { rows } = await listAudit(db, { query: '%' }, 1);
		expect(rows.map((r) => r.subject)).toEqual(['100%@x.test']);
	});
});
