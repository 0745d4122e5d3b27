import { requireUser } from '$lib/server/auth/guard';
import { findSessionsNeedingAction } from '$lib/server/bell-sessions/repository';
import { findCampaignEventsNeedingAction } from '$lib/server/campaigns/needs-action';
import { getDb } from '$lib/server/db';
import { findDirectorySummary } from '$lib/server/directory/summary';
import { findPairingsPage } from '$lib/server/pairings/repository';
import { findCurrentSchoolYear } from '$lib/server/school-years/repository';
import type { PageServerLoad } from './$types';

/** Rows of each pairing list on the home page; the pairings page has them all. */
const PAIRINGS_ON_HOME = 30;

// Signed out: the programme and the district's neighbourhoods (public facts).
// Signed in: the same narrowed to the user's scope, and this year's pairings of their
// neighbourhoods, unpaired ones first (for admins, the work still to do), and the sessions and
// campaign events that wait on them. Every list is bounded, however wide the scope.
export const load: PageServerLoad = async (event) => {
	const user = event.locals.user ? requireUser(event) : null;
	const db = getDb();
	const [directory, schoolYear] = await Promise.all([
		findDirectorySummary(db, user ? { user } : {}),
		findCurrentSchoolYear(db)
	]);
	const none = { rows: [], total: 0 };
	const [unpaired, paired, needsAction, campaignNeeds] = await Promise.all([
		user && schoolYear
			? findPairingsPage(
					db,
					user,
					schoolYear.id,
					{ unpairedOnly: true },
					{ limit: PAIRINGS_ON_HOME }
				)
			: none,
		user && schoolYear
			? findPairingsPage(db, user, schoolYear.id, { pairedOnly: true }, { limit: PAIRINGS_ON_HOME })
			: none,
		user ? findSessionsNeedingAction(db, user) : [],
		user ? findCampaignEventsNeedingAction(db, user) : []
	]);
	return {
		directory,
		schoolYear,
		welcome: user ? { displayName: user.display_name, role: user.role } : null,
		unpaired,
		paired,
		needsAction,
		campaignNeeds
	};
};
