import type { Actor } from '../auth/actor.ts';
import type { DB } from '../db/connect.ts';
import type { UserInput } from '../../schemas/users.ts';
import { centersInDistricts, schoolsInDistricts } from '../directory/in-districts.ts';

// A user's scope as written by admins: districts (admin, liaison), centres (centre manager) or
// one school (school staff).

export function scopeValues(input: UserInput) {
	const districtIds = input.role === 'admin' || input.role === 'liaison' ? input.district_ids : [];
	const centerIds = input.role === 'center_manager' ? input.center_ids : [];
	const schoolId = input.role === 'school_staff' ? (input.school_id ?? null) : null;
	return { districtIds, centerIds, schoolId };
}

/** Whether every district, centre and school named lies in the actor's districts. */
export async function scopeWithinActor(
	db: DB,
	actor: Actor,
	input: UserInput
): Promise<string | null> {
	const { districtIds, centerIds, schoolId } = scopeValues(input);
	if (districtIds.some((id) => !actor.districtIds.includes(id))) return 'district_ids';
	if (centerIds.length) {
		const found = await centersInDistricts(db, actor.districtIds)
			.select('centers.id')
			.where('centers.id', 'in', centerIds)
			.execute();
		if (found.length !== new Set(centerIds).size) return 'center_ids';
	}
	if (schoolId) {
		const found = await schoolsInDistricts(db, actor.districtIds)
			.select('schools.id')
			.where('schools.id', '=', schoolId)
			.executeTakeFirst();
		if (!found) return 'school_id';
	}
	return null;
}

/**
 * Replaces the part of a user's scope that lies in `editableDistrictIds` (null: all of it).
 * An admin sees and edits only their own districts; the rest of a user's scope stays as it was.
 */
export async function writeScope(
	db: DB,
	userId: number,
	input: UserInput,
	editableDistrictIds: number[] | null
): Promise<void> {
	const { districtIds, centerIds } = scopeValues(input);
	let districts = db.deleteFrom('user_districts').where('user_id', '=', userId);
	let centers = db.deleteFrom('user_centers').where('user_id', '=', userId);
	if (editableDistrictIds) {
		districts = districts.where(
			'district_id',
			'in',
			editableDistrictIds.length ? editableDistrictIds : [-1]
		);
		centers = centers.where(
			'center_id',
			'in',
			centersInDistricts(db, editableDistrictIds).select('centers.id')
		);
	}
	await districts.execute();
	await centers.execute();
	if (districtIds.length)
		await db
			.insertInto('user_districts')
			.values([...new Set(districtIds)].map((district_id) => ({ user_id: userId, district_id })))
			.execute();
	if (centerIds.length)
		await db
			.insertInto('user_centers')
			.values([...new Set(centerIds)].map((center_id) => ({ user_id: userId, center_id })))
			.execute();
}
