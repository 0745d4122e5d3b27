import { error, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { findCampaignEventInScope } from '$lib/server/campaigns/dated-events';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';

/** The address's event, within the user's scope and of the campaign the address names; else 404. */
export async function campaignEventFor(event: RequestEvent) {
	const user = requireUser(event);
	const params = event.params as { id: string; eventId: string };
	const campaignId = recordIdOf(params.id);
	const found = await findCampaignEventInScope(getDb(), user, recordIdOf(params.eventId));
	if (!found || found.campaign_id !== campaignId) error(404, 'Not found');
	return { user, campaignEvent: found };
}

export const eventSubject = (id: number) => ({ kind: 'campaign_event', id }) as const;
