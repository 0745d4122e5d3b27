import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { topicUpdateSchema, versionSchema } from '$lib/schemas/catalogue';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { audienceOf, findTopicById } from '$lib/server/topics/repository';
import { setTopicActive, updateTopic } from '$lib/server/topics/service';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';
import { recordIdOf } from '$lib/server/directory/record-id';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const topic = await findTopicById(getDb(), recordIdOf(event.params.id));
	if (!topic) error(404, 'Not found');
	const values = {
		name_fa: topic.name_fa,
		name_en: topic.name_en,
		audience: audienceOf(topic),
		version: topic.version
	};
	return {
		topic: { ...values, id: topic.id, code: topic.code, active: Boolean(topic.active) },
		form: await superValidate(values, zod4(topicUpdateSchema)),
		canEdit: user.role === 'admin'
	};
};

/** Retire or restore: the version the admin saw must still be the topic's. */
async function changeStatus(event: RequestEvent<{ id: string }>, active: boolean) {
	const actor = requireAdminActor(event);
	const form = await superValidate(event.request, zod4(versionSchema), { id: 'status' });
	if (!form.valid) return fail(400, { statusError: m.error_request_body() });
	const id = recordIdOf(event.params.id);
	const result = await setTopicActive(getDb(), actor, id, form.data.version, active);
	if (result.ok) return { statusChanged: active ? 'restored' : 'retired' };
	if (result.error === 'stale') return fail(409, { statusError: m.stale_edit() });
	error(404, 'Not found');
}

export const actions: Actions = {
	update: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(topicUpdateSchema));
		if (!form.valid) return fail(400, { form });
		const { version, ...input } = form.data;
		const result = await updateTopic(getDb(), actor, recordIdOf(event.params.id), version, input);
		if (result.ok) return message(form, m.saved());
		if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
		error(404, 'Not found');
	},
	retire: (event) => changeStatus(event, false),
	restore: (event) => changeStatus(event, true)
};
