import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { findDirectoryTree } from '$lib/server/directory/repository';
import { scopeDirectoryTree } from '$lib/server/directory/scope';
import { findCurrentSchoolYear } from '$lib/server/school-years/repository';
import type { PageServerLoad } from './$types';

// Signed out: the programme and the district's neighbourhoods (public facts).
// Signed in: the same, narrowed to what the user's role and scope cover.
export const load: PageServerLoad = async (event) => {
	const user = event.locals.user ? requireUser(event) : null;
	const db = getDb();
	const [tree, schoolYear] = await Promise.all([findDirectoryTree(db), findCurrentSchoolYear(db)]);
	return {
		districts: user ? scopeDirectoryTree(tree, user) : tree,
		schoolYear,
		welcome: user ? { displayName: user.display_name, role: user.role } : null
	};
};
