import { organizations } from '$lib/catalogue/labels';
import { getDb } from '$lib/server/db';
import { requireFacilitatorReader } from '$lib/server/facilitators/access';
import { FACILITATOR_PAGE_SIZE, listFacilitators } from '$lib/server/facilitators/repository';
import { pageFrom, searchTextFrom } from '$lib/server/list-params';
import { listTopics } from '$lib/server/topics/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireFacilitatorReader(event);
	const db = getDb();
	const params = event.url.searchParams;
	const query = searchTextFrom(event.url);
	const organization = organizations.find((o) => o === params.get('organization'));
	const topicId = Number.parseInt(params.get('topic') ?? '', 10) || undefined;
	const includeInactive = params.get('inactive') === '1';
	const page = pageFrom(event.url);
	const [{ rows, total }, topics] = await Promise.all([
		listFacilitators(db, user, { query, organization, topicId, includeInactive }, page),
		listTopics(db, { includeRetired: true })
	]);
	return {
		facilitators: rows,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / FACILITATOR_PAGE_SIZE)),
		topics: topics.map((t) => ({ id: t.id, name_fa: t.name_fa, name_en: t.name_en })),
		filter: { query, organization: organization ?? '', topicId: topicId ?? '', includeInactive },
		canEdit: user.role === 'admin'
	};
};
