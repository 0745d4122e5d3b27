import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import type { PairingActor } from '../../../src/lib/server/pairings/service.ts';
import type { ScopedUser } from '../../../src/lib/server/pairings/repository.ts';
import { findUserByEmail, findUserScope } from '../../../src/lib/server/users/repository.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { demoPasswordHash, insertSecondDistrict, type SecondDistrict } from '../users/fixtures.ts';

// The demo district as seeded on 2026-11-26: school year ۱۴۰۵–۱۴۰۶ current, ۱۴۰۴–۱۴۰۵ ended.
// Each neighbourhood is paired with its first school both years, but for three this year.

export const TODAY = '2026-11-26';
export const NOW = new Date('2026-11-27T09:00:00.000Z');

export interface PairingWorld {
	db: DB;
	other: SecondDistrict;
	currentYearId: number;
	previousYearId: number;
}

export async function createPairingWorld(): Promise<PairingWorld> {
	const db = await createTestDb();
	await seedDemoDistrict(db, TODAY);
	const other = await insertSecondDistrict(db, await demoPasswordHash(db));
	const years = await db
		.selectFrom('school_years')
		.select(['id', 'is_current'])
		.orderBy('starts_on')
		.execute();
	return {
		db,
		other,
		previousYearId: years.find((y) => !y.is_current)!.id,
		currentYearId: years.find((y) => y.is_current)!.id
	};
}

export async function scopedUser(db: DB, email: string): Promise<ScopedUser> {
	const user = (await findUserByEmail(db, email))!;
	return { role: user.role, scope: await findUserScope(db, user) };
}

export async function actorOf(db: DB, email: string): Promise<PairingActor> {
	const user = (await findUserByEmail(db, email))!;
	const scope = await findUserScope(db, user);
	return { id: user.id, role: user.role, districtIds: scope.districtIds, ip: '10.14.0.1' };
}

export async function neighborhoodId(db: DB, nameFa: string): Promise<number> {
	const row = await db
		.selectFrom('neighborhoods')
		.select('id')
		.where('name_fa', '=', nameFa)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The schools of a neighbourhood, in id order: the first is the one the demo pairs it with. */
export async function schoolIdsIn(db: DB, nameFa: string): Promise<number[]> {
	const rows = await db
		.selectFrom('schools')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
		.select('schools.id')
		.where('neighborhoods.name_fa', '=', nameFa)
		.orderBy('schools.id')
		.execute();
	return rows.map((r) => r.id);
}

export async function pairingOf(db: DB, schoolYearId: number, nameFa: string) {
	return db
		.selectFrom('pairings')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'pairings.neighborhood_id')
		.selectAll('pairings')
		.where('pairings.school_year_id', '=', schoolYearId)
		.where('neighborhoods.name_fa', '=', nameFa)
		.executeTakeFirst();
}

export async function allPairings(db: DB) {
	return db.selectFrom('pairings').selectAll().orderBy('id').execute();
}

export async function pairingAudit(db: DB) {
	return db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity_type', '=', 'pairing')
		.orderBy('id')
		.execute();
}
