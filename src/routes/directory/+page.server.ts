import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { findDirectoryPage, DIRECTORY_PAGE_SIZE } from '$lib/server/directory/repository';
import { listAreasInScope } from '$lib/server/directory/area-lists';
import { pageFrom, searchTextFrom } from '$lib/server/list-params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const query = searchTextFrom(event.url);
	const areas = await listAreasInScope(db, user);
	const areaParam = Number(event.url.searchParams.get('area'));
	const areaId = areas.find((a) => a.id === areaParam)?.id;
	const page = pageFrom(event.url);
	const { districts, total } = await findDirectoryPage(db, { user, areaId, query }, page);
	return {
		districts,
		areas,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
		filter: { query, areaId: areaId ?? null },
		canEdit: user.role === 'admin'
	};
};
