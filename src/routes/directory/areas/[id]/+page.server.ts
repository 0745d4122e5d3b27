import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { toPersianDigits } from '$lib/i18n/digits';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { areaUpdateSchema, toInteger } from '$lib/schemas/directory';
import { getDb } from '$lib/server/db';
import { updateArea } from '$lib/server/directory/area-service';
import { directoryErrorMessage } from '$lib/server/directory/messages';
import { recordIdOf } from '$lib/server/directory/record-id';
import { findAreaInDistricts } from '$lib/server/directory/records';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const area = await findAreaInDistricts(getDb(), recordIdOf(event.params.id), actor.districtIds);
	if (!area) error(404, 'Not found');
	const number = String(area.number);
	const values = {
		number: getLocale() === 'fa' ? toPersianDigits(number) : number,
		name_fa: area.name_fa,
		name_en: area.name_en,
		version: area.version
	};
	return {
		area: { id: area.id, name_fa: area.name_fa, name_en: area.name_en },
		form: await superValidate(values, zod4(areaUpdateSchema)),
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(areaUpdateSchema));
		if (!form.valid) return fail(400, { form });
		const { version, number, ...names } = form.data;
		const result = await updateArea(getDb(), actor, recordIdOf(event.params.id), version, {
			number: toInteger(number),
			...names
		});
		if (result.ok) {
			form.data.version = version + 1;
			return message(form, m.saved());
		}
		if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
		if (!('field' in result)) error(404, 'Not found');
		return setError(form, result.field as 'number', directoryErrorMessage(result));
	}
};
