import type { DB } from '../../src/lib/server/db/connect.ts';
import {
	findDirectoryPage,
	type DirectoryDistrict,
	type DirectoryFilter
} from '../../src/lib/server/directory/repository.ts';

/** The whole filtered directory tree, as one page large enough for any test district. */
export async function directoryTree(
	db: DB,
	filter: DirectoryFilter = {}
): Promise<DirectoryDistrict[]> {
	return (await findDirectoryPage(db, filter, 1, 100_000)).districts;
}
