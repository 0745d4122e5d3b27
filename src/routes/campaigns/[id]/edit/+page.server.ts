import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { ruleChangeSchema } from '$lib/schemas/campaigns';
import { requireUser } from '$lib/server/auth/guard';
import { findFacilitatorChoices } from '$lib/server/bell-sessions/choices';
import { planRefusalMessage, ruleRefusalField } from '$lib/server/campaigns/messages';
import { findCampaignInScope } from '$lib/server/campaigns/repository';
import {
	applyRuleChange,
	reviewRuleChange,
	type RuleChangeResult
} from '$lib/server/campaigns/rule-change';
import { ruleChangeSignature } from '$lib/server/campaigns/rule-preview';
import { canManageCampaigns } from '$lib/server/campaigns/scope';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';
import { listTopicOptions } from '$lib/server/topics/repository';
import { ruleDataOf, ruleInputOf } from '../../rule-data';
import type { Actions, PageServerLoad } from './$types';

// Changing a campaign's rule and details, for its centre's managers and admins: "preview" shows
// which future events the new rule adds, moves in time or removes, and which stay as they are;
// "apply" does exactly that, unless the campaign or that outcome changed in between.

/** The campaign, for a user who may change it: 404 outside their scope, 403 to readers. */
async function campaignToChange(event: RequestEvent) {
	const user = requireUser(event);
	const campaign = await findCampaignInScope(getDb(), user, recordIdOf(event.params.id));
	if (!campaign) error(404, 'Not found');
	if (!canManageCampaigns(user, campaign.center_id)) error(403, 'Forbidden');
	return { campaign, actor: { ...user, ip: event.getClientAddress() } };
}

export const load: PageServerLoad = async (event) => {
	const { campaign, actor } = await campaignToChange(event);
	const db = getDb();
	const [form, topics, facilitators] = await Promise.all([
		superValidate({ ...ruleDataOf(campaign), version: campaign.version }, zod4(ruleChangeSchema), {
			errors: false
		}),
		listTopicOptions(db),
		findFacilitatorChoices(db, actor)
	]);
	const activeTopics = topics.filter((t) => t.active || t.id === campaign.topic_id);
	return { campaign, form, topics: activeTopics, facilitators };
};

type Refusal = Exclude<RuleChangeResult, { ok: true } | { error: 'preview_changed' }>;

async function parse(event: RequestEvent) {
	const found = await campaignToChange(event);
	const form = await superValidate(event.request, zod4(ruleChangeSchema));
	return { ...found, form };
}

function refusal(result: Refusal, form: Awaited<ReturnType<typeof parse>>['form']) {
	switch (result.error) {
		case 'not_found':
			error(404, 'Not found');
		// error() throws; the comments keep the linter's fall-through rule quiet.
		// falls through
		case 'forbidden':
			error(403, 'Forbidden');
		// falls through
		case 'stale':
			form.message = m.campaigns_stale();
			return fail(409, { form });
		case 'refused':
			return setError(form, ruleRefusalField(result.refusal), planRefusalMessage(result.refusal));
	}
}

export const actions: Actions = {
	preview: async (event) => {
		const { campaign, actor, form } = await parse(event);
		if (!form.valid) return fail(400, { form });
		const result = await reviewRuleChange(getDb(), actor, campaign.id, ruleInputOf(form.data));
		if (!result.ok) return refusal(result, form);
		form.data.previewed = ruleChangeSignature(result.preview);
		return { form, preview: result.preview };
	},
	apply: async (event) => {
		const { campaign, actor, form } = await parse(event);
		if (!form.valid) return fail(400, { form });
		const { version, previewed } = form.data;
		const result = await applyRuleChange(
			getDb(),
			actor,
			{ campaignId: campaign.id, version, seen: previewed },
			ruleInputOf(form.data)
		);
		if (result.ok) redirect(303, localizeHref(`/campaigns/${campaign.id}?done=updated`));
		if (result.error !== 'preview_changed') return refusal(result, form);
		form.data.previewed = ruleChangeSignature(result.preview);
		form.message = m.campaigns_check_changes();
		return fail(409, { form, preview: result.preview });
	}
};
