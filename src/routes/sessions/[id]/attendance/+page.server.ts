import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { attendanceTotal, enrolmentWarnings, gradesOfSession } from '$lib/attendance/counts';
import { localizeHref } from '$lib/paraglide/runtime';
import { attendanceSchema, countsOf, fieldsOf } from '$lib/schemas/attendance';
import { mayRateSession, mayRecordAttendance } from '$lib/server/attendance/access';
import { answerRecording } from '$lib/server/attendance/answer';
import { attendanceRefusalMessage } from '$lib/server/attendance/messages';
import { findAttendance, findEnrolments } from '$lib/server/attendance/repository';
import { recordingProblem } from '$lib/server/attendance/rules';
import { recordBellSessionAttendance } from '$lib/server/attendance/service';
import { requireUser } from '$lib/server/auth/guard';
import { findBellSessionInScope } from '$lib/server/bell-sessions/repository';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';
import { loadFeedbackPanel, saveFeedbackAction } from '$lib/server/feedback/panel';
import type { Actions, PageServerLoad } from './$types';

// A session's attendance (recorded by the school's staff, the centre's managers or an admin once
// it has started), the staff's rating once it is held, and what participants answered on the
// anonymous form, with the form's short link and QR code. Everyone who sees the session reads it.

async function sessionFor(event: RequestEvent) {
	const user = requireUser(event);
	const id = recordIdOf(event.params.id);
	const session = await findBellSessionInScope(getDb(), user, id);
	if (!session) error(404, 'Not found');
	return { user, session };
}

const subjectOf = (id: number) => ({ kind: 'bell_session', id }) as const;

export const load: PageServerLoad = async (event) => {
	const { user, session } = await sessionFor(event);
	const db = getDb();
	const now = new Date();
	const [attendance, enrolments] = await Promise.all([
		findAttendance(db, session.id),
		findEnrolments(db, [session.school_id])
	]);
	const enrolment = enrolments.get(session.school_id) ?? [];
	const problem = recordingProblem(session, now);
	return {
		session,
		grades: gradesOfSession(session.grades),
		attendance,
		enrolment,
		warnings: attendance ? enrolmentWarnings(attendance.students, enrolment) : [],
		mayRecord: mayRecordAttendance(user, session),
		recordingProblem: problem ? attendanceRefusalMessage(problem) : null,
		mayRate: mayRateSession(user, session) && session.status === 'held',
		feedback: await loadFeedbackPanel(
			db,
			user,
			subjectOf(session.id),
			{ ...session, attendance_total: attendance ? attendanceTotal(attendance) : null },
			event.url.origin,
			now
		),
		form: await superValidate(
			{ version: attendance?.version ?? 0, ...fieldsOf(attendance) },
			zod4(attendanceSchema),
			{ id: 'attendance', errors: false }
		),
		saved: event.url.searchParams.get('saved')
	};
};

const savedAt = (id: number, what: string) =>
	localizeHref(`/sessions/${id}/attendance?saved=${what}`);

export const actions: Actions = {
	attendance: async (event) => {
		const { user, session } = await sessionFor(event);
		if (!mayRecordAttendance(user, session)) error(403, 'Forbidden');
		const form = await superValidate(event.request, zod4(attendanceSchema), { id: 'attendance' });
		if (!form.valid) return fail(400, { form });
		const result = await recordBellSessionAttendance(
			getDb(),
			{ ...user, ip: event.getClientAddress() },
			{
				sessionId: session.id,
				version: form.data.version,
				...countsOf(form.data, gradesOfSession(session.grades))
			}
		);
		return answerRecording(form, result, 'bell_session', savedAt(session.id, 'attendance'));
	},
	feedback: async (event) => {
		const { user, session } = await sessionFor(event);
		if (!mayRateSession(user, session)) error(403, 'Forbidden');
		return saveFeedbackAction(
			event,
			getDb(),
			user,
			subjectOf(session.id),
			savedAt(session.id, 'feedback')
		);
	}
};
