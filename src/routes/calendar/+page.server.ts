import { todayInTehran } from '$lib/i18n/jalali';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadCalendarPage } from '$lib/server/calendar/month';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// Every signed-in role: one month of the sessions and closures in the user's scope (over a
// country, of the district chosen).
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { searchParams } = event.url;
	return loadCalendarPage(
		getDb(),
		user,
		getLocale(),
		{ month: searchParams.get('month'), district: searchParams.get('district') },
		todayInTehran()
	);
};
