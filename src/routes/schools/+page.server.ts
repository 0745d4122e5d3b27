import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { pageFrom } from '$lib/server/list-params';
import { schoolFilterFrom, schoolFilterParams } from '$lib/server/schools/list-filter';
import { findSchoolFilterOptions } from '$lib/server/schools/places';
import { listSchools, SCHOOL_PAGE_SIZE } from '$lib/server/schools/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const filter = schoolFilterFrom(event.url);
	const page = pageFrom(event.url);
	const [{ rows, total }, options] = await Promise.all([
		listSchools(db, user, filter, page),
		findSchoolFilterOptions(db, user)
	]);
	return {
		schools: rows,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / SCHOOL_PAGE_SIZE)),
		filter,
		exportQuery: schoolFilterParams(filter),
		options,
		canEdit: user.role === 'admin'
	};
};
