import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { jalaliFieldText } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { answerSchema, proposalDateOf, reasonSchema, slotSchema } from '$lib/schemas/bell-sessions';
import { requireUser } from '$lib/server/auth/guard';
import { findBellSessionHistory } from '$lib/server/bell-sessions/history';
import {
	bellSessionRefusalField,
	bellSessionRefusalMessage
} from '$lib/server/bell-sessions/messages';
import { findBellSessionInScope } from '$lib/server/bell-sessions/repository';
import {
	availableActions,
	isActionOfUser,
	transitionBellSession,
	type BellSessionAction,
	type TransitionInput,
	type TransitionResult
} from '$lib/server/bell-sessions/transitions';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';
import { workflowRefusal } from '$lib/server/workflow-refusal';
import type { Actions, PageServerLoad } from './$types';

async function sessionFor(event: RequestEvent) {
	const user = requireUser(event);
	const session = await findBellSessionInScope(getDb(), user, recordIdOf(event.params.id));
	if (!session) error(404, 'Not found');
	return { user, session };
}

/** The session, for a user whose side of the handshake takes this action (else 403). */
async function sessionToAct(event: RequestEvent, action: BellSessionAction) {
	const found = await sessionFor(event);
	if (!isActionOfUser({ ...found.user, ip: null }, found.session, action)) error(403, 'Forbidden');
	return found;
}

export const load: PageServerLoad = async (event) => {
	const { user, session } = await sessionFor(event);
	const { version } = session;
	const slot = {
		version,
		date: jalaliFieldText(session.date),
		start_time: session.start_time,
		duration_minutes: String(session.duration_minutes)
	};
	const [history, confirm, accept, counter_propose, change_time, decline, cancel] =
		await Promise.all([
			findBellSessionHistory(getDb(), session.id),
			superValidate({ version }, zod4(answerSchema), { id: 'confirm', errors: false }),
			superValidate({ version }, zod4(answerSchema), { id: 'accept', errors: false }),
			superValidate(slot, zod4(slotSchema), { id: 'counter_propose', errors: false }),
			superValidate(slot, zod4(slotSchema), { id: 'change_time', errors: false }),
			superValidate({ version }, zod4(reasonSchema), { id: 'decline', errors: false }),
			superValidate({ version }, zod4(reasonSchema), { id: 'cancel', errors: false })
		]);
	return {
		session,
		history,
		actions: availableActions({ ...user, ip: null }, session),
		forms: { confirm, accept, counter_propose, change_time, decline, cancel },
		done: event.url.searchParams.get('done')
	};
};

/** What every action does with a refusal that is not about a field. */
function refusal(result: Exclude<TransitionResult, { ok: true }>, form: { message?: string }) {
	return workflowRefusal(result, form, {
		stale: m.bell_sessions_stale,
		wrongState: m.bell_sessions_wrong_state
	});
}

type Found = Awaited<ReturnType<typeof sessionFor>>;

async function run(
	event: RequestEvent,
	{ user, session }: Found,
	input: Omit<TransitionInput, 'sessionId'>
) {
	const actor = { ...user, ip: event.getClientAddress() };
	const result = await transitionBellSession(getDb(), actor, { ...input, sessionId: session.id });
	if (result.ok) redirect(303, localizeHref(`/sessions/${session.id}?done=${input.action}`));
	return result;
}

/** Confirm or accept: only the version. */
async function answer(event: RequestEvent, action: 'confirm' | 'accept') {
	const found = await sessionToAct(event, action);
	const form = await superValidate(event.request, zod4(answerSchema), { id: action });
	if (!form.valid) return fail(400, { form });
	return refusal(await run(event, found, { action, version: form.data.version }), form);
}

/** Counter-propose or change the time: a new slot, checked by the same rules as a proposal. */
async function reschedule(event: RequestEvent, action: 'counter_propose' | 'change_time') {
	const found = await sessionToAct(event, action);
	const form = await superValidate(event.request, zod4(slotSchema), { id: action });
	if (!form.valid) return fail(400, { form });
	const { version, start_time, duration_minutes } = form.data;
	const slot = {
		date: proposalDateOf(form.data),
		start_time,
		duration_minutes: Number(duration_minutes)
	};
	const result = await run(event, found, { action, version, slot });
	if (result.error !== 'refused') return refusal(result, form);
	const field = bellSessionRefusalField(result.refusal);
	const slotField = field === 'start_time' || field === 'duration_minutes' ? field : 'date';
	return setError(form, slotField, bellSessionRefusalMessage(result.refusal));
}

/** Decline or cancel: a reason. */
async function withReason(event: RequestEvent, action: 'decline' | 'cancel') {
	const found = await sessionToAct(event, action);
	const form = await superValidate(event.request, zod4(reasonSchema), { id: action });
	if (!form.valid) return fail(400, { form });
	return refusal(await run(event, found, { action, ...form.data }), form);
}

export const actions: Actions = {
	confirm: (event) => answer(event, 'confirm'),
	accept: (event) => answer(event, 'accept'),
	counter_propose: (event) => reschedule(event, 'counter_propose'),
	change_time: (event) => reschedule(event, 'change_time'),
	decline: (event) => withReason(event, 'decline'),
	cancel: (event) => withReason(event, 'cancel')
};
