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
		// Only what the list shows: each session's other columns would be serialised into the page
		// for nothing (28 columns a row against 12).
		sessions: rows.map((row) => ({
			id: row.id,
			status: row.status,
			date: row.date,
			starts_at: row.starts_at,
			ends_at: row.ends_at,
			topic_fa: row.topic_fa,
			topic_en: row.topic_en,
			school_name: row.school_name,
			neighborhood_fa: row.neighborhood_fa,
			neighborhood_en: row.neighborhood_en,
			audience: row.audience,
			grades: row.grades
		})),
		total,
		countCap,
		page,
		...pagesOf(total, countCap, BELL_SESSION_PAGE_SIZE),
		query,
		choices,
		canPropose: user.role === 'admin' || user.role === 'center_manager'
	};
};
