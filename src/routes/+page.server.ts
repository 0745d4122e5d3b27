import { getDb } from '$lib/server/db';
import { findDirectoryTree } from '$lib/server/directory/repository';
import { findCurrentSchoolYear } from '$lib/server/school-years/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = getDb();
	const [districts, schoolYear] = await Promise.all([
		findDirectoryTree(db),
		findCurrentSchoolYear(db)
	]);
	return { districts, schoolYear };
};
