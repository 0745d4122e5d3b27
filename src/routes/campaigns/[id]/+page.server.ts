import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	addEventSchema,
	cancelEventSchema,
	isoDateOf,
	keepEventSchema,
	moveEventSchema
} from '$lib/schemas/campaigns';
import { requireUser } from '$lib/server/auth/guard';
import { addCampaignEvent } from '$lib/server/campaigns/add-event';
import {
	changeCampaignEvent,
	type EventChange,
	type EventChangeResult
} from '$lib/server/campaigns/events';
import { findCampaignHistory } from '$lib/server/campaigns/history';
import { slotProblemField, slotProblemMessage } from '$lib/server/campaigns/messages';
import { findCampaignEvents, findCampaignInScope } from '$lib/server/campaigns/repository';
import { canManageCampaigns } from '$lib/server/campaigns/scope';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';
import { workflowRefusal } from '$lib/server/workflow-refusal';
import type { Actions, PageServerLoad } from './$types';

// A campaign, its events and its history: everyone in scope reads it; its centre's managers and
// admins move, cancel or keep one event at a time, and add dates. Each event's forms carry the
// event's id in their form id (move-12), so a refused form comes back to the right event.

async function campaignFor(event: RequestEvent) {
	const user = requireUser(event);
	const campaign = await findCampaignInScope(getDb(), user, recordIdOf(event.params.id));
	if (!campaign) error(404, 'Not found');
	return { user, campaign };
}

/** The campaign, for a user who may change it (else 403: they may only read it). */
async function campaignToChange(event: RequestEvent) {
	const found = await campaignFor(event);
	if (!canManageCampaigns(found.user, found.campaign.center_id)) error(403, 'Forbidden');
	return { ...found, actor: { ...found.user, ip: event.getClientAddress() } };
}

export const load: PageServerLoad = async (event) => {
	const { user, campaign } = await campaignFor(event);
	const db = getDb();
	const canManage = canManageCampaigns(user, campaign.center_id);
	const [events, history, move, cancel, keep, add] = await Promise.all([
		findCampaignEvents(db, campaign.id),
		findCampaignHistory(db, campaign.id),
		superValidate(zod4(moveEventSchema), { id: 'move', errors: false }),
		superValidate(zod4(cancelEventSchema), { id: 'cancel', errors: false }),
		superValidate(zod4(keepEventSchema), { id: 'keep', errors: false }),
		superValidate(
			{ start_time: campaign.start_time, duration_minutes: String(campaign.duration_minutes) },
			zod4(addEventSchema),
			{ id: 'add', errors: false }
		)
	]);
	add.data.place = campaign.place ?? '';
	return {
		campaign,
		events,
		history,
		canManage,
		forms: { move, cancel, keep, add },
		now: new Date().toISOString(),
		done: event.url.searchParams.get('done')
	};
};

/** The id of an event's own form, e.g. move-12: a refused form comes back to its event. */
function formIdOf(data: FormData, action: EventChange['action']): string {
	return `${action}-${data.get('event_id')}`;
}

type Found = Awaited<ReturnType<typeof campaignToChange>>;

async function change(
	{ actor, campaign }: Found,
	target: { event_id: number; version: number },
	changeOf: EventChange
): Promise<Exclude<EventChangeResult, { ok: true }>> {
	const result = await changeCampaignEvent(
		getDb(),
		actor,
		{ campaignId: campaign.id, eventId: target.event_id, version: target.version },
		changeOf
	);
	if (result.ok) {
		const path = `/campaigns/${campaign.id}?done=${changeOf.action}#event-${target.event_id}`;
		redirect(303, localizeHref(path));
	}
	return result;
}

/** What every action does with a refusal that is not about a field. */
function refusal(result: Exclude<EventChangeResult, { ok: true }>, form: { message?: string }) {
	return workflowRefusal(result, form, {
		stale: m.campaigns_stale,
		wrongState: m.campaigns_wrong_state
	});
}

export const actions: Actions = {
	move: async (event) => {
		const found = await campaignToChange(event);
		const data = await event.request.formData();
		const form = await superValidate(data, zod4(moveEventSchema), { id: formIdOf(data, 'move') });
		if (!form.valid) return fail(400, { form });
		const { date, start_time, duration_minutes, place, reason } = form.data;
		const slot = { date: isoDateOf(date), start_time, duration_minutes: Number(duration_minutes) };
		const result = await change(found, form.data, {
			action: 'move',
			slot: { ...slot, place },
			reason
		});
		if (result.error !== 'refused') return refusal(result, form);
		return setError(form, slotProblemField(result.refusal), slotProblemMessage(result.refusal));
	},
	cancel: async (event) => {
		const found = await campaignToChange(event);
		const data = await event.request.formData();
		const form = await superValidate(data, zod4(cancelEventSchema), {
			id: formIdOf(data, 'cancel')
		});
		if (!form.valid) return fail(400, { form });
		const result = await change(found, form.data, { action: 'cancel', reason: form.data.reason });
		return refusal(result, form);
	},
	keep: async (event) => {
		const found = await campaignToChange(event);
		const data = await event.request.formData();
		const form = await superValidate(data, zod4(keepEventSchema), { id: formIdOf(data, 'keep') });
		if (!form.valid) return fail(400, { form });
		return refusal(await change(found, form.data, { action: 'keep' }), form);
	},
	add: async (event) => {
		const { actor, campaign } = await campaignToChange(event);
		const form = await superValidate(event.request, zod4(addEventSchema), { id: 'add' });
		if (!form.valid) return fail(400, { form });
		const { date, start_time, duration_minutes, place } = form.data;
		const result = await addCampaignEvent(getDb(), actor, campaign.id, {
			date: isoDateOf(date),
			start_time,
			duration_minutes: Number(duration_minutes),
			place
		});
		if (result.ok)
			redirect(303, localizeHref(`/campaigns/${campaign.id}?done=add#event-${result.id}`));
		if (result.error === 'refused')
			return setError(form, slotProblemField(result.refusal), slotProblemMessage(result.refusal));
		return refusal(result, form);
	}
};
