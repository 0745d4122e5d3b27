import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import type { ClosureInput } from '../../../src/lib/server/closures/service.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import {
	demoDistrictId,
	demoPasswordHash,
	insertSecondDistrict,
	userByEmail,
	type SecondDistrict
} from '../users/fixtures.ts';

// The demo district plus a second one with its own admin, school and centre.

export const NOW = new Date('2026-11-26T08:00:00.000Z');

export interface ClosureWorld {
	db: DB;
	districtId: number;
	admin: Actor;
	other: SecondDistrict;
	otherAdmin: Actor;
	schoolIds: [number, number];
	centerId: number;
	currentYearId: number;
	previousYearId: number;
}

export async function createClosureWorld(): Promise<ClosureWorld> {
	const db = await createTestDb();
	await seedDemoDistrict(db, '2026-11-26');
	const districtId = await demoDistrictId(db);
	const other = await insertSecondDistrict(db, await demoPasswordHash(db));
	const admin = await userByEmail(db, 'admin@demo.test');
	const schools = await db
		.selectFrom('schools')
		.select('id')
		.where('ministry_code', 'in', ['14100001', '14100002'])
		.orderBy('ministry_code')
		.execute();
	const center = await db
		.selectFrom('centers')
		.select('centers.id')
		.where('centers.id', '!=', other.centerId)
		.orderBy('centers.id')
		.executeTakeFirstOrThrow();
	const years = await db
		.selectFrom('school_years')
		.select(['id', 'is_current'])
		.orderBy('starts_on')
		.execute();
	return {
		db,
		districtId,
		admin: { id: admin.id, ip: '127.0.0.1', districtIds: [districtId] },
		other,
		otherAdmin: { id: other.adminId, ip: '127.0.0.1', districtIds: [other.districtId] },
		schoolIds: [schools[0]!.id, schools[1]!.id],
		centerId: center.id,
		currentYearId: years.find((y) => y.is_current === 1)!.id,
		previousYearId: years.find((y) => y.is_current === 0)!.id
	};
}

export function closureInput(
	world: ClosureWorld,
	values: Partial<ClosureInput> = {}
): ClosureInput {
	return {
		district_id: world.districtId,
		kind: 'exam',
		school_id: null,
		center_id: null,
		starts_on: '2027-01-01',
		ends_on: '2027-01-10',
		name_fa: 'امتحانات نوبت اول',
		name_en: 'First-term exams',
		...values
	};
}

export async function closureAudit(db: DB) {
	return db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity_type', '=', 'closure')
		.orderBy('id')
		.execute();
}
