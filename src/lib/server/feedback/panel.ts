import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { message, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '../../paraglide/messages.js';
import { feedbackWording } from '../../feedback/wording.ts';
import { staffFeedbackSchema, type StaffFeedbackFormData } from '../../schemas/feedback.ts';
import type { AuthUser } from '../auth/guard.ts';
import type { DB } from '../db/connect.ts';
import { publicFeedbackLink, type PublicFeedbackLink } from './public-link.ts';
import {
	closesAt,
	formStateOf,
	takesAnswers,
	type FeedbackWindow,
	type FormState
} from './rules.ts';
import { findStaffFeedback, saveStaffFeedback, type StaffFeedbackRow } from './staff.ts';
import type { FeedbackSubject } from './subject.ts';
import { findFeedbackSummary, type FeedbackSummary } from './summary.ts';

// The feedback half of a session's or event's attendance page: everyone's ratings and the user's
// own rating form, the anonymous form's link and QR code (made the first time it is needed),
// whether it takes answers, and what the answers say; and the page's action saving a rating.

export interface FeedbackPanel {
	staffFeedback: StaffFeedbackRow[];
	link: PublicFeedbackLink | null;
	summary: FeedbackSummary | null;
	formState: FormState;
	startsAt: string;
	closesAt: string;
	form: SuperValidated<StaffFeedbackFormData>;
}

export async function loadFeedbackPanel(
	db: DB,
	user: Pick<AuthUser, 'id'>,
	subject: FeedbackSubject,
	window: FeedbackWindow,
	origin: string,
	now = new Date()
): Promise<FeedbackPanel> {
	const staffFeedback = await findStaffFeedback(db, subject);
	const own = staffFeedback.find((f) => f.user_id === user.id);
	const link = takesAnswers(window.status)
		? await publicFeedbackLink(db, subject, origin, now)
		: null;
	const summary = link ? await findFeedbackSummary(db, link.link_id) : null;
	return {
		staffFeedback,
		link,
		summary,
		formState: formStateOf(window, summary?.answers ?? 0, now),
		startsAt: window.starts_at,
		closesAt: closesAt(window),
		form: await superValidate(
			own
				? {
						version: own.version,
						relevance: own.relevance,
						facilitator: own.facilitator,
						engagement: own.engagement,
						comment: own.comment
					}
				: { version: 0 },
			zod4(staffFeedbackSchema),
			{ id: 'feedback', errors: false }
		)
	};
}

/** The `feedback` action: saves the user's rating, then back to the page at `savedTo`. */
export async function saveFeedbackAction(
	event: RequestEvent,
	db: DB,
	user: AuthUser,
	subject: FeedbackSubject,
	savedTo: string
) {
	const form = await superValidate(event.request, zod4(staffFeedbackSchema), { id: 'feedback' });
	if (!form.valid) return fail(400, { form });
	const result = await saveStaffFeedback(
		db,
		{ ...user, ip: event.getClientAddress() },
		{ ...form.data, subject }
	);
	if (result.ok) redirect(303, savedTo);
	if (result.error === 'not_found') error(404, 'Not found');
	if (result.error === 'forbidden') error(403, 'Forbidden');
	if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
	if (result.error === 'not_held')
		return message(form, feedbackWording(subject.kind).notHeld(), { status: 409 });
	return message(form, m.feedback_error_rating(), { status: 400 });
}
