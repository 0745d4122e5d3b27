import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { topicCreateSchema } from '$lib/schemas/catalogue';
import { getDb } from '$lib/server/db';
import { createTopic } from '$lib/server/topics/service';
import { requireAdminActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdminActor(event);
	return { form: await superValidate(zod4(topicCreateSchema), { errors: false }) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(topicCreateSchema));
		if (!form.valid) return fail(400, { form });
		const result = await createTopic(getDb(), actor, form.data);
		if (!result.ok) return setError(form, 'code', m.catalogue_code_taken());
		redirect(303, localizeHref(`/topics/${result.id}?saved=1`));
	}
};
