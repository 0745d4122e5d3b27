import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { pageFrom, searchTextFrom } from '$lib/server/list-params';
import { listUsersInDistricts, USER_PAGE_SIZE } from '$lib/server/users/repository';
import { roles } from '$lib/users/roles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	const params = event.url.searchParams;
	const query = searchTextFrom(event.url);
	const roleParam = params.get('role');
	const role = roles.find((r) => r === roleParam);
	const includeInactive = params.get('inactive') === '1';
	const page = pageFrom(event.url);
	const { rows, total } = await listUsersInDistricts(
		getDb(),
		admin.scope.districtIds,
		{ query, role, includeInactive },
		page
	);
	return {
		users: rows,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / USER_PAGE_SIZE)),
		filter: { query, role: role ?? '', includeInactive }
	};
};
