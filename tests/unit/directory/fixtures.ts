import type { AuthUser } from '../../../src/lib/server/auth/guard.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import type { DirectoryDistrict } from '../../../src/lib/server/directory/repository.ts';
import type { Actor } from '../../../src/lib/server/auth/actor.ts';
import { findUserScope } from '../../../src/lib/server/users/repository.ts';
import { createTestDb } from '../../helpers/test-db.ts';
import { userByEmail } from '../users/fixtures.ts';

// Shared set-up for the directory tests: the demo district and its people as the services see them.

export type ScopedUser = Pick<AuthUser, 'id' | 'role' | 'scope'>;

export async function createDemoDb(): Promise<DB> {
	const db = await createTestDb();
	await seedDemoDistrict(db, '2026-11-26');
	return db;
}

export async function scopedUser(db: DB, email: string): Promise<ScopedUser> {
	const user = await userByEmail(db, email);
	return { id: user.id, role: user.role, scope: await findUserScope(db, user) };
}

export async function actorOf(db: DB, email: string): Promise<Actor> {
	const user = await scopedUser(db, email);
	return { id: user.id, districtIds: user.scope.districtIds, ip: '10.0.0.9' };
}

export async function idByName(
	db: DB,
	table: 'neighborhoods' | 'areas',
	nameFa: string
): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select('id')
		.where('name_fa', '=', nameFa)
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function centerIdOf(db: DB, neighborhoodNameFa: string): Promise<number> {
	const row = await db
		.selectFrom('centers')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
		.select('centers.id')
		.where('neighborhoods.name_fa', '=', neighborhoodNameFa)
		.executeTakeFirstOrThrow();
	return row.id;
}

export function neighborhoodNames(tree: DirectoryDistrict[]): string[] {
	return tree
		.flatMap((d) => d.areas)
		.flatMap((a) => a.neighborhoods)
		.map((n) => n.name_fa)
		.sort();
}

export function schoolNames(tree: DirectoryDistrict[]): string[] {
	return tree
		.flatMap((d) => d.areas)
		.flatMap((a) => a.neighborhoods)
		.flatMap((n) => n.schools)
		.map((s) => s.name)
		.sort();
}

export async function versionOf(
	db: DB,
	table: 'areas' | 'neighborhoods' | 'centers' | 'school_years',
	id: number
): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select('version')
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	return row.version;
}
