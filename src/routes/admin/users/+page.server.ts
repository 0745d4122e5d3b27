import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { listUsersInDistricts, USER_PAGE_SIZE } from '$lib/server/users/repository';
import { roles } from '$lib/schemas/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	const params = event.url.searchParams;
	const query = params.get('q')?.slice(0, 100) ?? '';
	const roleParam = params.get('role');
	const role = roles.find((r) => r === roleParam);
	const includeInactive = params.get('inactive') === '1';
	const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get('page') ?? '1') || 1));
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
