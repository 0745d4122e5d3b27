import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { toLatinDigits } from '$lib/i18n/digits';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { makeCurrentSchema, newSchoolYearSchema, toInteger } from '$lib/schemas/directory';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { listSchoolYears } from '$lib/server/school-years/repository';
import { addSchoolYear, makeSchoolYearCurrent } from '$lib/server/school-years/service';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

// Every signed-in role reads the school years; only admins add one or change the current one.

/** Labels are stored in Persian digits («۱۴۰۵–۱۴۰۶»); English messages show Latin ones. */
const shown = (label: string) => (getLocale() === 'fa' ? label : toLatinDigits(label));

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		years: await listSchoolYears(getDb()),
		canManage: user.role === 'admin',
		form: await superValidate(zod4(newSchoolYearSchema), { errors: false })
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(newSchoolYearSchema));
		if (!form.valid) return fail(400, { form });
		const result = await addSchoolYear(getDb(), actor, toInteger(form.data.start_year));
		if (result.ok)
			return message(form, m.school_years_created({ label: shown(result.year.label) }));
		if (result.error === 'exists')
			return setError(form, 'start_year', m.school_years_exists({ label: shown(result.label) }));
		if (result.error === 'overlaps')
			return setError(form, 'start_year', m.school_years_overlaps({ label: shown(result.label) }));
		error(404, 'Not found');
	},
	makeCurrent: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(makeCurrentSchema));
		if (!form.valid) return fail(400, { current: { ok: false, text: m.field_required() } });
		const { id, version } = form.data;
		const result = await makeSchoolYearCurrent(getDb(), actor, id, version);
		if (result.ok)
			return {
				current: {
					ok: true,
					text: m.school_years_made_current({ label: shown(result.year.label) })
				}
			};
		if (result.error === 'stale')
			return fail(409, { current: { ok: false, text: m.stale_edit() } });
		error(404, 'Not found');
	}
};
