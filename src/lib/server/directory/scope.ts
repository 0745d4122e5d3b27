import type { Role } from '../db/schema.ts';
import type { UserScope } from '../users/repository.ts';
import type { DirectoryDistrict, DirectoryNeighborhood } from './repository.ts';

/**
 * The part of the directory a user may see: their districts (admin, liaison), their centres'
 * neighbourhoods (centre manager), or their own school and its neighbourhood (school staff).
 */
export function scopeDirectoryTree(
	tree: DirectoryDistrict[],
	user: { role: Role; scope: UserScope }
): DirectoryDistrict[] {
	const { districtIds, centerIds, schoolId } = user.scope;
	const keepNeighborhood = (n: DirectoryNeighborhood): DirectoryNeighborhood | null => {
		if (user.role === 'center_manager')
			return n.center && centerIds.includes(n.center.id) ? n : null;
		if (user.role === 'school_staff') {
			const schools = n.schools.filter((s) => s.id === schoolId);
			return schools.length ? { ...n, schools } : null;
		}
		return n;
	};
	return tree
		.filter(
			(d) =>
				user.role === 'center_manager' || user.role === 'school_staff' || districtIds.includes(d.id)
		)
		.map((d) => ({
			...d,
			areas: d.areas
				.map((a) => ({
					...a,
					neighborhoods: a.neighborhoods
						.map(keepNeighborhood)
						.filter((n): n is DirectoryNeighborhood => n !== null)
				}))
				.filter((a) => a.neighborhoods.length > 0)
		}))
		.filter((d) => d.areas.length > 0);
}
