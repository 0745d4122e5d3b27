import type { DB } from '../db/connect.ts';
import { centersInDistricts } from './in-districts.ts';

// The manager accounts of a centre live in user_centers. A centre manager belongs to a district
// through the centres they run, so "the district's managers" are those with a centre in it.

export interface ManagerOption {
	id: number;
	display_name: string;
	email: string;
	active: boolean;
}

/**
 * Who may be made a manager of this centre: the active centre managers of the admin's
 * districts, and whoever manages it now (even if since deactivated, so the form shows them).
 */
export async function findManagerOptions(
	db: DB,
	centerId: number,
	districtIds: number[]
): Promise<ManagerOption[]> {
	const rows = await db
		.selectFrom('users')
		.select(['users.id', 'users.display_name', 'users.email', 'users.active'])
		.where('users.role', '=', 'center_manager')
		.where((eb) =>
			eb.or([
				eb.and([
					eb('users.active', '=', 1),
					eb(
						'users.id',
						'in',
						eb
							.selectFrom('user_centers')
							.select('user_centers.user_id')
							.where(
								'user_centers.center_id',
								'in',
								centersInDistricts(db, districtIds).select('centers.id')
							)
					)
				]),
				eb(
					'users.id',
					'in',
					eb
						.selectFrom('user_centers')
						.select('user_centers.user_id')
						.where('user_centers.center_id', '=', centerId)
				)
			])
		)
		.orderBy('users.display_name')
		.orderBy('users.id')
		.execute();
	return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

export async function findManagerIds(db: DB, centerId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('user_centers')
		.select('user_id')
		.where('center_id', '=', centerId)
		.orderBy('user_id')
		.execute();
	return rows.map((r) => r.user_id);
}

/** Of these managers, the first who runs no centre but this one, if any. */
export async function findManagerLeftWithoutCenter(
	db: DB,
	userIds: number[],
	centerId: number
): Promise<ManagerOption | null> {
	if (!userIds.length) return null;
	const row = await db
		.selectFrom('users')
		.select(['users.id', 'users.display_name', 'users.email', 'users.active'])
		.where('users.id', 'in', userIds)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('user_centers')
						.select('user_centers.center_id')
						.whereRef('user_centers.user_id', '=', 'users.id')
						.where('user_centers.center_id', '!=', centerId)
				)
			)
		)
		.orderBy('users.id')
		.executeTakeFirst();
	return row ? { ...row, active: row.active === 1 } : null;
}

/**
 * Replaces the centre's managers. Each added or removed account gets a new version, so an admin
 * editing that account meanwhile cannot save its old list of centres over this change.
 */
export async function writeManagers(
	db: DB,
	centerId: number,
	before: number[],
	after: number[]
): Promise<void> {
	const removed = before.filter((id) => !after.includes(id));
	const added = after.filter((id) => !before.includes(id));
	if (removed.length)
		await db
			.deleteFrom('user_centers')
			.where('center_id', '=', centerId)
			.where('user_id', 'in', removed)
			.execute();
	if (added.length)
		await db
			.insertInto('user_centers')
			.values(added.map((user_id) => ({ user_id, center_id: centerId })))
			.execute();
	const changed = [...removed, ...added];
	if (changed.length)
		await db
			.updateTable('users')
			.set((eb) => ({ version: eb('version', '+', 1) }))
			.where('id', 'in', changed)
			.execute();
}
