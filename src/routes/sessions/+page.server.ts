import { requireUser } from '$lib/server/auth/guard';
import { findSessionFilterChoices } from '$lib/server/bell-sessions/choices';
import { bellSessionFilterOf, sessionListQueryFrom } from '$lib/server/bell-sessions/list-filter';
import { BELL_SESSION_PAGE_SIZE, listBellSessions } from '$lib/server/bell-sessions/repository';
import { getDb } from '$lib/server/db';
import { pageFrom, pagesOf } from '$lib/server/list-params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const query = sessionListQueryFrom(event.url);
	const page = pageFrom(event.url);
	const [{ rows, total, countCap }, choices] = await Promise.all([
		listBellSessions(db, user, bellSessionFilterOf(query), page),
		findSessionFilterChoices(db, user, query)
	]);
	return {
		sessions: rows,
		total,
		countCap,
		page,
		...pagesOf(total, countCap, BELL_SESSION_PAGE_SIZE),
		query,
		choices,
		canPropose: user.role === 'admin' || user.role === 'center_manager'
	};
};
