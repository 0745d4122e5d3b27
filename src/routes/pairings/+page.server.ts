import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { todayInTehran } from '$lib/i18n/jalali';
import { getLocale } from '$lib/paraglide/runtime';
import { copyPairingsSchema } from '$lib/schemas/pairings';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { pageFrom, searchTextFrom } from '$lib/server/list-params';
import { requirePairingActor } from '$lib/server/pairings/actor';
import { copyPreviousYearPairings } from '$lib/server/pairings/copy';
import { groupByArea } from '$lib/server/pairings/group-by-area';
import { localYearLabel, pairingRefusalMessage } from '$lib/server/pairings/messages';
import {
	countPairingsInScope,
	findAreasInScope,
	findPairingsPage,
	PAIRINGS_PAGE_SIZE
} from '$lib/server/pairings/repository';
import {
	chooseSchoolYear,
	findPreviousSchoolYear,
	listSchoolYears,
	isSchoolYearClosed,
	schoolYearIdFrom
} from '$lib/server/pairings/school-years';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const params = event.url.searchParams;
	const [years, areas] = await Promise.all([listSchoolYears(db), findAreasInScope(db, user)]);
	const year = chooseSchoolYear(years, schoolYearIdFrom(event.url));
	const area = areas.find((a) => String(a.id) === params.get('area')) ?? null;
	const filter = {
		query: searchTextFrom(event.url),
		unpairedOnly: params.get('unpaired') === '1',
		areaId: area?.id ?? null
	};
	const page = pageFrom(event.url);
	const [{ rows, total }, counts] = year
		? await Promise.all([
				findPairingsPage(db, user, year.id, filter, {
					limit: PAIRINGS_PAGE_SIZE,
					offset: (page - 1) * PAIRINGS_PAGE_SIZE
				}),
				countPairingsInScope(db, user, year.id)
			])
		: [
				{ rows: [], total: 0 },
				{ paired: 0, total: 0 }
			];
	const closed = year ? isSchoolYearClosed(year, todayInTehran()) : true;
	const canChange = user.role === 'admin' && !closed;
	const previous = canChange && year ? await findPreviousSchoolYear(db, year) : null;
	return {
		years: years.map((y) => ({
			id: y.id,
			label: localYearLabel(y.label),
			current: !!y.is_current
		})),
		year: year && { id: year.id, label: localYearLabel(year.label), closed },
		areas,
		filter: { query: filter.query, unpairedOnly: filter.unpairedOnly, areaId: filter.areaId },
		groups: groupByArea(rows, getLocale()),
		counts,
		page,
		pageCount: Math.max(1, Math.ceil(total / PAIRINGS_PAGE_SIZE)),
		canChange,
		copyFrom: previous && { label: localYearLabel(previous.label) }
	};
};

export const actions: Actions = {
	copy: async (event) => {
		const actor = requirePairingActor(event);
		const form = await superValidate(event.request, zod4(copyPairingsSchema), { id: 'copy' });
		if (!form.valid) return fail(400, { copyError: m.field_required() });
		const result = await copyPreviousYearPairings(getDb(), actor, form.data.school_year_id);
		if (!result.ok) {
			if (result.error === 'not_found') error(404, 'Not found');
			const text =
				result.error === 'no_previous_year'
					? m.pairings_copy_no_previous()
					: pairingRefusalMessage(result);
			return fail(409, { copyError: text });
		}
		return {
			copyReport: {
				from: localYearLabel(result.from.label),
				copied: result.copied,
				skipped: result.skipped,
				alreadyPaired: result.alreadyPaired
			}
		};
	}
};
