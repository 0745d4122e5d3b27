import { todayInTehran } from '$lib/i18n/jalali';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadCalendarMonth } from '$lib/server/calendar/month';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// Every signed-in role: one month of the sessions and closures in the user's scope.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const month = await loadCalendarMonth(
		getDb(),
		user,
		getLocale(),
		event.url.searchParams.get('month'),
		todayInTehran()
	);
	return { month };
};
