import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { jalaliFieldText } from '$lib/i18n/format';
import { todayInTehran } from '$lib/i18n/jalali';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { isoDateOf, newCampaignSchema } from '$lib/schemas/campaigns';
import { requireRole } from '$lib/server/auth/guard';
import { findFacilitatorChoices } from '$lib/server/bell-sessions/choices';
import { findCentersToManage } from '$lib/server/campaigns/centers';
import { planRefusalField, planRefusalMessage } from '$lib/server/campaigns/messages';
import {
	datesOfSignature,
	planCampaign,
	planSignature,
	type CampaignPlan,
	type PlanResult
} from '$lib/server/campaigns/plan';
import { createCampaign } from '$lib/server/campaigns/service';
import { getDb } from '$lib/server/db';
import { findCurrentSchoolYear } from '$lib/server/school-years/repository';
import { listTopicOptions } from '$lib/server/topics/repository';
import { ruleInputOf } from '../rule-data';
import type { Actions, PageServerLoad } from './$types';

// A centre manager plans a campaign at one of their centres, an admin at any of their districts'.
// One form, two steps: "preview" lists every date of the rule (closed ones skipped and named),
// where dates can be dropped and one added; "save" writes what the preview showed.

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'center_manager');
	const db = getDb();
	const [centers, topics, facilitators, year] = await Promise.all([
		findCentersToManage(db, user),
		listTopicOptions(db),
		findFacilitatorChoices(db, user),
		findCurrentSchoolYear(db)
	]);
	const form = await superValidate(zod4(newCampaignSchema), { errors: false });
	const asked = Number(event.url.searchParams.get('center'));
	form.data.center_id = centers.find((c) => c.id === asked)?.id ?? centers[0]?.id ?? 0;
	form.data.audience = 'public';
	form.data.first_date = jalaliFieldText(todayInTehran());
	form.data.last_date = year ? jalaliFieldText(year.ends_on) : '';
	form.data.start_time = '16:00';
	form.data.duration_minutes = '90';
	return { form, centers, topics: topics.filter((t) => t.active), facilitators };
};

async function parse(event: RequestEvent) {
	const user = requireRole(event, 'admin', 'center_manager');
	const form = await superValidate(event.request, zod4(newCampaignSchema));
	const actor = { ...user, ip: event.getClientAddress() };
	const data = form.data;
	const input = { ...ruleInputOf(data), center_id: data.center_id };
	const extraDates = data.extra_date ? [isoDateOf(data.extra_date)] : [];
	return { actor, form, input, extraDates };
}

type Form = Awaited<ReturnType<typeof parse>>['form'];

/** Shows a plan: dates new to the user are ticked, those they unticked stay unticked. */
function showPlan(form: Form, plan: CampaignPlan) {
	const shown = datesOfSignature(form.data.previewed);
	form.data.keep = plan.dates.filter((d) => !shown.includes(d) || form.data.keep.includes(d));
	form.data.previewed = planSignature(plan);
}

function refused(form: Form, result: Exclude<PlanResult, { ok: true }>) {
	// The form offers only the user's centres: another one is answered like a missing page.
	if (result.error === 'not_found') error(404, 'Not found');
	return setError(form, planRefusalField(result.refusal), planRefusalMessage(result.refusal));
}

export const actions: Actions = {
	preview: async (event) => {
		const { actor, form, input, extraDates } = await parse(event);
		if (!form.valid) return fail(400, { form });
		const result = await planCampaign(getDb(), actor, input, extraDates);
		if (!result.ok) return refused(form, result);
		showPlan(form, result.plan);
		return { form, preview: result.plan };
	},
	save: async (event) => {
		const { actor, form, input, extraDates } = await parse(event);
		if (!form.valid) return fail(400, { form });
		const { keep, previewed } = form.data;
		const result = await createCampaign(getDb(), actor, input, {
			seen: previewed,
			keep,
			extraDates
		});
		if (result.ok) redirect(303, localizeHref(`/campaigns/${result.id}?done=created`));
		if (result.error !== 'preview_changed') return refused(form, result);
		showPlan(form, result.plan);
		form.message = m.campaigns_check_dates();
		return fail(409, { form, preview: result.plan });
	}
};
