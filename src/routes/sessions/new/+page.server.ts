import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { proposalDateOf, proposalSchema } from '$lib/schemas/bell-sessions';
import { requireRole } from '$lib/server/auth/guard';
import { findFacilitatorChoices, findPairedPlaces } from '$lib/server/bell-sessions/choices';
import {
	bellSessionRefusalField,
	bellSessionRefusalMessage
} from '$lib/server/bell-sessions/messages';
import { proposeBellSession } from '$lib/server/bell-sessions/service';
import { getDb } from '$lib/server/db';
import { listTopicOptions } from '$lib/server/topics/repository';
import type { Actions, PageServerLoad } from './$types';

// Centre managers propose at their neighbourhoods' paired schools; admins for any in their districts.

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'center_manager');
	const db = getDb();
	const [places, topics, facilitators] = await Promise.all([
		findPairedPlaces(db, user),
		listTopicOptions(db),
		findFacilitatorChoices(db, user)
	]);
	const form = await superValidate(zod4(proposalSchema), { errors: false });
	const asked = Number(event.url.searchParams.get('neighborhood'));
	form.data.neighborhood_id = places.find((p) => p.id === asked)?.id ?? places[0]?.id ?? 0;
	form.data.audience = 'students';
	form.data.start_time = '08:00';
	form.data.duration_minutes = '60';
	return { form, places, topics, facilitators };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin', 'center_manager');
		const form = await superValidate(event.request, zod4(proposalSchema));
		if (!form.valid) return fail(400, { form });
		const result = await proposeBellSession(
			getDb(),
			{ ...user, ip: event.getClientAddress() },
			{
				...form.data,
				expected_headcount: Number(form.data.expected_headcount),
				duration_minutes: Number(form.data.duration_minutes),
				date: proposalDateOf(form.data),
				location: form.data.location,
				note: form.data.note
			}
		);
		if (!result.ok) {
			if (result.error === 'not_found')
				return setError(
					form,
					'neighborhood_id',
					bellSessionRefusalMessage({ problem: 'no_pairing' })
				);
			const field = bellSessionRefusalField(result.refusal);
			const formField =
				field === 'school_id' ? 'neighborhood_id' : field === 'grades' ? 'grades._errors' : field;
			return setError(form, formField, bellSessionRefusalMessage(result.refusal));
		}
		redirect(303, localizeHref(`/sessions/${result.id}?done=proposed`));
	}
};
