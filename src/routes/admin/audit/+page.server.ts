import { requireRole } from '$lib/server/auth/guard';
import { listAudit, listAuditActions } from '$lib/server/audit/repository';
import { getDb } from '$lib/server/db';
import { pageFrom, searchTextFrom } from '$lib/server/list-params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const params = event.url.searchParams;
	const actions = await listAuditActions(db);
	const action = actions.find((a) => a === params.get('action'));
	const query = searchTextFrom(event.url);
	const page = pageFrom(event.url);
	const { rows, hasMore } = await listAudit(db, { action, query: query || undefined }, page);
	return { rows, hasMore, page, actions, filter: { action: action ?? '', query } };
};
