import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import type { Campaign } from '../db/schema.ts';
import { campaignIdsInScope, canManageCampaigns } from './scope.ts';

// The one gate of every change to a campaign or its events.

export type CampaignActor = Pick<AuthUser, 'id' | 'role' | 'scope'> & { ip: string | null };

export type CampaignToChange = Campaign & { district_id: number };

/** The campaign with its district; 'not_found' outside the scope, 'forbidden' for its readers. */
export async function findCampaignToChange(
	db: DB,
	user: CampaignActor,
	campaignId: number
): Promise<CampaignToChange | 'not_found' | 'forbidden'> {
	const campaign = await db
		.selectFrom('campaigns')
		.innerJoin('centers', 'centers.id', 'campaigns.center_id')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.selectAll('campaigns')
		.select('areas.district_id')
		.where('campaigns.id', '=', campaignId)
		.where('campaigns.id', 'in', campaignIdsInScope(db, user))
		.executeTakeFirst();
	if (!campaign) return 'not_found';
	return canManageCampaigns(user, campaign.center_id) ? campaign : 'forbidden';
}

/** The centre as the slot checks need it. */
export function centerOf(campaign: CampaignToChange): { id: number; district_id: number } {
	return { id: campaign.center_id, district_id: campaign.district_id };
}
