import { campaignPeriods, type CampaignFilter } from './repository.ts';

// The campaigns list's filters as the address carries them; nonsense is ignored.

export function campaignFilterFrom(url: URL): CampaignFilter {
	const center = Number(url.searchParams.get('center'));
	return {
		centerId: Number.isSafeInteger(center) && center > 0 ? center : undefined,
		period: campaignPeriods.find((p) => p === url.searchParams.get('period'))
	};
}
