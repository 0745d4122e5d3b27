import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { facilitatorUpdateSchema } from '$lib/schemas/catalogue';
import { getDb } from '$lib/server/db';
import { requireFacilitatorReader } from '$lib/server/facilitators/access';
import { facilitatorErrorMessage, facilitatorErrorPath } from '$lib/server/facilitators/messages';
import { listDistrictsByIds } from '$lib/server/directory/districts';
import { findFacilitatorForReader } from '$lib/server/facilitators/repository';
import { updateFacilitator } from '$lib/server/facilitators/service';
import { listTopicOptions } from '$lib/server/topics/repository';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';
import { recordIdOf } from '$lib/server/directory/record-id';

// Admins edit their districts' facilitators; centre managers and liaisons read them; staff 404.
export const load: PageServerLoad = async (event) => {
	const user = requireFacilitatorReader(event);
	const db = getDb();
	const facilitator = await findFacilitatorForReader(db, user, recordIdOf(event.params.id));
	if (!facilitator) error(404, 'Not found');
	const topicIds = facilitator.topics.map((t) => t.id);
	const values = {
		district_id: facilitator.district_id,
		name: facilitator.name,
		organization: facilitator.organization,
		phone: facilitator.phone ?? '',
		topic_ids: topicIds,
		active: Boolean(facilitator.active),
		version: facilitator.version
	};
	const canEdit = user.role === 'admin' && user.scope.districtIds.includes(facilitator.district_id);
	return {
		facilitator,
		form: await superValidate(values, zod4(facilitatorUpdateSchema)),
		canEdit,
		options: {
			districts: canEdit ? await listDistrictsByIds(db, user.scope.districtIds) : [],
			topics: canEdit ? await listTopicOptions(db, topicIds) : []
		}
	};
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(facilitatorUpdateSchema));
		if (!form.valid) return fail(400, { form });
		const { version, ...input } = form.data;
		const id = recordIdOf(event.params.id);
		const result = await updateFacilitator(getDb(), actor, id, version, input);
		if (result.ok) return message(form, m.saved());
		if (!('field' in result)) {
			if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
			error(404, 'Not found');
		}
		return setError(
			form,
			facilitatorErrorPath(result.field),
			facilitatorErrorMessage(result.error)
		);
	}
};
