import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { eventAttendanceTotal } from '$lib/attendance/event-counts';
import { localizeHref } from '$lib/paraglide/runtime';
import { eventAttendanceSchema, eventCountsOf, eventFieldsOf } from '$lib/schemas/event-attendance';
import { mayRateEvent, mayRecordEventAttendance } from '$lib/server/attendance/access';
import { answerRecording } from '$lib/server/attendance/answer';
import { recordCampaignEventAttendance } from '$lib/server/attendance/event-service';
import { attendanceRefusalMessage } from '$lib/server/attendance/messages';
import { findEventAttendance } from '$lib/server/attendance/repository';
import { recordingProblem } from '$lib/server/attendance/rules';
import { getDb } from '$lib/server/db';
import { loadFeedbackPanel, saveFeedbackAction } from '$lib/server/feedback/panel';
import { campaignEventFor, eventSubject } from '../event-of';
import type { Actions, PageServerLoad } from './$types';

// A campaign event's attendance (recorded by its centre's managers or an admin once it has
// started), the managers' rating once it is held, and what participants answered on the
// anonymous form, with its short link and QR code. Everyone who sees the campaign reads it.

export const load: PageServerLoad = async (event) => {
	const { user, campaignEvent } = await campaignEventFor(event);
	const db = getDb();
	const now = new Date();
	const attendance = await findEventAttendance(db, campaignEvent.id);
	const problem = recordingProblem(campaignEvent, now);
	return {
		campaignEvent,
		attendance,
		mayRecord: mayRecordEventAttendance(user, campaignEvent),
		recordingProblem: problem ? attendanceRefusalMessage(problem, 'campaign_event') : null,
		mayRate: mayRateEvent(user, campaignEvent) && campaignEvent.status === 'held',
		feedback: await loadFeedbackPanel(
			db,
			user,
			eventSubject(campaignEvent.id),
			{ ...campaignEvent, attendance_total: attendance ? eventAttendanceTotal(attendance) : null },
			event.url.origin,
			now
		),
		form: await superValidate(
			{ version: attendance?.version ?? 0, ...eventFieldsOf(attendance) },
			zod4(eventAttendanceSchema),
			{ id: 'attendance', errors: false }
		),
		saved: event.url.searchParams.get('saved')
	};
};

const savedAt = (campaignId: number, eventId: number, what: string) =>
	localizeHref(`/campaigns/${campaignId}/events/${eventId}/attendance?saved=${what}`);

export const actions: Actions = {
	attendance: async (event) => {
		const { user, campaignEvent } = await campaignEventFor(event);
		if (!mayRecordEventAttendance(user, campaignEvent)) error(403, 'Forbidden');
		const form = await superValidate(event.request, zod4(eventAttendanceSchema), {
			id: 'attendance'
		});
		if (!form.valid) return fail(400, { form });
		const result = await recordCampaignEventAttendance(
			getDb(),
			{ ...user, ip: event.getClientAddress() },
			{ eventId: campaignEvent.id, version: form.data.version, counts: eventCountsOf(form.data) }
		);
		const { campaign_id, id } = campaignEvent;
		return answerRecording(form, result, 'campaign_event', savedAt(campaign_id, id, 'attendance'));
	},
	feedback: async (event) => {
		const { user, campaignEvent } = await campaignEventFor(event);
		if (!mayRateEvent(user, campaignEvent)) error(403, 'Forbidden');
		const { campaign_id, id } = campaignEvent;
		return saveFeedbackAction(
			event,
			getDb(),
			user,
			eventSubject(id),
			savedAt(campaign_id, id, 'feedback')
		);
	}
};
