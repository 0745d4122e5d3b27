import { getDb } from '$lib/server/db';
import { findDirectoryTree } from '$lib/server/directory/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ districts: await findDirectoryTree(getDb()) });
