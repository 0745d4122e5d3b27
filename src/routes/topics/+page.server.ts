import { audiences } from '$lib/catalogue/labels';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { searchTextFrom } from '$lib/server/list-params';
import { audienceOf, listTopics } from '$lib/server/topics/repository';
import type { PageServerLoad } from './$types';

// The catalogue is a few dozen topics: one page, no paging.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const params = event.url.searchParams;
	const query = searchTextFrom(event.url);
	const audience = audiences.find((a) => a === params.get('audience'));
	const includeRetired = params.get('retired') === '1';
	const topics = await listTopics(getDb(), { query, audience, includeRetired });
	return {
		topics: topics.map((t) => ({
			id: t.id,
			code: t.code,
			name_fa: t.name_fa,
			name_en: t.name_en,
			audience: audienceOf(t),
			active: Boolean(t.active)
		})),
		filter: { query, audience: audience ?? '', includeRetired },
		canEdit: user.role === 'admin'
	};
};
