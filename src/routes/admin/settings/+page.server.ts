import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { settingsSchema } from '$lib/schemas/closures';
import { chooseDistrict } from '$lib/server/closures/district-choice';
import { getDb } from '$lib/server/db';
import { listDistrictsByIds } from '$lib/server/directory/districts';
import { findSettings } from '$lib/server/settings/repository';
import { updateSettings } from '$lib/server/settings/service';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

// Admins only: school hours and the response deadline of one of their districts.
export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const db = getDb();
	const districtId = chooseDistrict(actor.districtIds, event.url);
	if (districtId === null) error(404, 'Not found');
	const settings = await findSettings(db, districtId);
	return {
		districtId,
		districts: await listDistrictsByIds(db, actor.districtIds),
		form: await superValidate(
			{ ...settings, response_deadline_days: String(settings.response_deadline_days) },
			zod4(settingsSchema)
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(settingsSchema));
		if (!form.valid) return fail(400, { form });
		const { district_id, version, ...input } = form.data;
		const districtId = district_id ?? actor.districtIds[0] ?? -1;
		const result = await updateSettings(getDb(), actor, districtId, version, {
			...input,
			response_deadline_days: Number(input.response_deadline_days)
		});
		if (result.ok) {
			form.data.version = (await findSettings(getDb(), districtId)).version;
			return message(form, m.saved());
		}
		if (result.error === 'not_found') error(404, 'Not found');
		switch (result.error) {
			case 'stale':
				return message(form, m.stale_edit(), { status: 409 });
			// The schema refuses these first; kept for callers that skip it.
			case 'time_format':
				return setError(form, 'school_day_starts', m.closures_settings_time_format());
			case 'day_order':
				return setError(form, 'school_day_ends', m.closures_settings_day_order());
			case 'deadline_range':
				return setError(form, 'response_deadline_days', m.closures_settings_deadline_range());
		}
	}
};
