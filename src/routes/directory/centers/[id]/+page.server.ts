import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { centerUpdateSchema } from '$lib/schemas/directory';
import { getDb } from '$lib/server/db';
import { findManagerIds, findManagerOptions } from '$lib/server/directory/center-managers';
import { updateCenter } from '$lib/server/directory/center-service';
import { directoryErrorMessage } from '$lib/server/directory/messages';
import { recordIdOf } from '$lib/server/directory/record-id';
import { findCenterInDistricts } from '$lib/server/directory/records';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const db = getDb();
	const center = await findCenterInDistricts(db, recordIdOf(event.params.id), actor.districtIds);
	if (!center) error(404, 'Not found');
	const values = {
		name: center.name,
		address: center.address ?? '',
		phone: center.phone ?? '',
		manager_ids: await findManagerIds(db, center.id),
		version: center.version
	};
	return {
		center: { name: center.name },
		neighborhood: {
			id: center.neighborhood_id,
			name_fa: center.neighborhood_name_fa,
			name_en: center.neighborhood_name_en
		},
		managerOptions: await findManagerOptions(db, center.id, actor.districtIds),
		form: await superValidate(values, zod4(centerUpdateSchema))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(centerUpdateSchema));
		if (!form.valid) return fail(400, { form });
		const { version, ...input } = form.data;
		const id = recordIdOf(event.params.id);
		const result = await updateCenter(getDb(), actor, id, version, input);
		if (result.ok) {
			form.data.version = version + 1;
			return message(form, m.saved());
		}
		if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
		if (!('field' in result)) error(404, 'Not found');
		return setError(form, 'manager_ids._errors', directoryErrorMessage(result));
	}
};
