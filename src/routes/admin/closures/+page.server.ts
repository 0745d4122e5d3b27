import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { generateHolidaysSchema } from '$lib/schemas/closures';
import { closureKinds, type ClosureKindName } from '$lib/closures/kinds';
import { chooseDistrict } from '$lib/server/closures/district-choice';
import { findClosuresBetween } from '$lib/server/closures/repository';
import { generateFixedHolidays } from '$lib/server/closures/service';
import { getDb } from '$lib/server/db';
import { listDistrictsByIds } from '$lib/server/directory/districts';
import { localYearLabel } from '$lib/server/pairings/messages';
import {
	chooseSchoolYear,
	listSchoolYears,
	schoolYearIdFrom
} from '$lib/server/pairings/school-years';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

function kindFrom(url: URL): ClosureKindName | null {
	const kind = url.searchParams.get('kind');
	return closureKinds.find((k) => k === kind) ?? null;
}

// Admins only: the closures of one of their districts in one school year.
export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const db = getDb();
	const districtId = chooseDistrict(actor.districtIds, event.url);
	if (districtId === null) error(404, 'Not found');
	const years = await listSchoolYears(db);
	const year = chooseSchoolYear(years, schoolYearIdFrom(event.url));
	const kind = kindFrom(event.url);
	const closures = year
		? await findClosuresBetween(db, districtId, year.starts_on, year.ends_on, kind)
		: [];
	return {
		districtId,
		districts: await listDistrictsByIds(db, actor.districtIds),
		years: years.map((y) => ({
			id: y.id,
			label: localYearLabel(y.label),
			current: !!y.is_current
		})),
		year: year && { id: year.id, label: localYearLabel(year.label) },
		kind,
		closures,
		form: await superValidate(
			{ school_year_id: year?.id, district_id: districtId },
			zod4(generateHolidaysSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	generate: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(generateHolidaysSchema));
		if (!form.valid) return fail(400, { form });
		const districtId = form.data.district_id ?? actor.districtIds[0] ?? -1;
		const result = await generateFixedHolidays(
			getDb(),
			actor,
			districtId,
			form.data.school_year_id
		);
		if (!result.ok) error(404, 'Not found');
		return message(form, m.closures_generated({ count: formatNumber(result.added) }));
	}
};
