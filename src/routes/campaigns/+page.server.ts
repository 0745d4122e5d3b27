import { todayInTehran } from '$lib/i18n/jalali';
import { requireUser } from '$lib/server/auth/guard';
import { findCentersInScope } from '$lib/server/campaigns/centers';
import { campaignFilterFrom } from '$lib/server/campaigns/list-filter';
import { CAMPAIGN_PAGE_SIZE, listCampaigns } from '$lib/server/campaigns/repository';
import { getDb } from '$lib/server/db';
import { pageFrom } from '$lib/server/list-params';
import type { PageServerLoad } from './$types';

// Every signed-in role reads the campaigns in its scope; managers and admins plan new ones.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const filter = campaignFilterFrom(event.url);
	const page = pageFrom(event.url);
	const [{ rows, total }, centers] = await Promise.all([
		listCampaigns(db, user, filter, page, todayInTehran()),
		findCentersInScope(db, user, filter.centerId)
	]);
	return {
		campaigns: rows,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / CAMPAIGN_PAGE_SIZE)),
		filter,
		centers,
		canCreate: user.role === 'admin' || user.role === 'center_manager'
	};
};
