import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { neighborhoodUpdateSchema } from '$lib/schemas/directory';
import { getDb } from '$lib/server/db';
import { directoryErrorMessage } from '$lib/server/directory/messages';
import { updateNeighborhood } from '$lib/server/directory/neighborhood-service';
import { recordIdOf } from '$lib/server/directory/record-id';
import { listAreaOptions } from '$lib/server/directory/area-lists';
import {
	findCenterIdOfNeighborhood,
	findNeighborhoodInDistricts
} from '$lib/server/directory/records';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const db = getDb();
	const neighborhood = await findNeighborhoodInDistricts(
		db,
		recordIdOf(event.params.id),
		actor.districtIds
	);
	if (!neighborhood) error(404, 'Not found');
	const values = {
		name_fa: neighborhood.name_fa,
		name_en: neighborhood.name_en,
		area_id: neighborhood.area_id,
		version: neighborhood.version
	};
	return {
		neighborhood: { name_fa: neighborhood.name_fa, name_en: neighborhood.name_en },
		centerId: await findCenterIdOfNeighborhood(db, neighborhood.id),
		// Only its own district's areas: moving to another district is not a directory edit.
		areas: await listAreaOptions(db, [neighborhood.district_id]),
		form: await superValidate(values, zod4(neighborhoodUpdateSchema)),
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(neighborhoodUpdateSchema));
		if (!form.valid) return fail(400, { form });
		const { version, ...input } = form.data;
		const id = recordIdOf(event.params.id);
		const result = await updateNeighborhood(getDb(), actor, id, version, input);
		if (result.ok) {
			form.data.version = version + 1;
			return message(form, m.saved());
		}
		if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
		if (!('field' in result)) error(404, 'Not found');
		return setError(form, result.field as 'name_fa', directoryErrorMessage(result));
	}
};
