import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { findDirectoryTree } from '$lib/server/directory/repository';
import { scopeDirectoryTree } from '$lib/server/directory/scope';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { districts: scopeDirectoryTree(await findDirectoryTree(getDb()), user) };
};
