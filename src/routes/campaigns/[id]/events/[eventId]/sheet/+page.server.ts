import { getDb } from '$lib/server/db';
import { publicFeedbackLink } from '$lib/server/feedback/public-link';
import { takesAnswers } from '$lib/server/feedback/rules';
import { campaignEventFor, eventSubject } from '../event-of';
import type { PageServerLoad } from './$types';

// The printable sheet of a campaign event: its details, the feedback form's QR code and short
// link, and boxes to tally attendance by age band and gender. A cancelled event has no link.
export const load: PageServerLoad = async (event) => {
	const { campaignEvent } = await campaignEventFor(event);
	return {
		campaignEvent,
		link: takesAnswers(campaignEvent.status)
			? await publicFeedbackLink(getDb(), eventSubject(campaignEvent.id), event.url.origin)
			: null
	};
};
