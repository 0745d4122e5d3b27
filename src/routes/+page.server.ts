import { requireUser } from '$lib/server/auth/guard';
import { findSessionsNeedingAction } from '$lib/server/bell-sessions/repository';
import { findCampaignEventsNeedingAction } from '$lib/server/campaigns/needs-action';
import { getDb } from '$lib/server/db';
import { findDirectoryTree } from '$lib/server/directory/repository';
import { findPairingsInScope } from '$lib/server/pairings/repository';
import { findCurrentSchoolYear } from '$lib/server/school-years/repository';
import type { PageServerLoad } from './$types';

// Signed out: the programme and the district's neighbourhoods (public facts).
// Signed in: the same narrowed to the user's scope, and this year's pairings of their
// neighbourhoods, unpaired ones first (for admins, the work still to do), and the sessions and
// campaign events that wait on them.
export const load: PageServerLoad = async (event) => {
	const user = event.locals.user ? requireUser(event) : null;
	const db = getDb();
	const [districts, schoolYear] = await Promise.all([
		findDirectoryTree(db, user ? { user } : {}),
		findCurrentSchoolYear(db)
	]);
	const [pairings, needsAction, campaignNeeds] = await Promise.all([
		user && schoolYear ? findPairingsInScope(db, user, schoolYear.id) : [],
		user ? findSessionsNeedingAction(db, user) : [],
		user ? findCampaignEventsNeedingAction(db, user) : []
	]);
	return {
		districts,
		schoolYear,
		welcome: user ? { displayName: user.display_name, role: user.role } : null,
		unpaired: pairings.filter((p) => !p.school),
		paired: pairings.filter((p) => p.school),
		needsAction,
		campaignNeeds
	};
};
