import { error } from '@sveltejs/kit';
import { gradesOfSession } from '$lib/attendance/counts';
import { requireUser } from '$lib/server/auth/guard';
import { findBellSessionInScope } from '$lib/server/bell-sessions/repository';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';
import { publicFeedbackLink } from '$lib/server/feedback/public-link';
import { takesAnswers } from '$lib/server/feedback/rules';
import type { PageServerLoad } from './$types';

// The printable sheet of a session: its details, the feedback form's QR code and short link, and
// boxes to tally attendance by hand. Only a confirmed or held session has a feedback link.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const session = await findBellSessionInScope(db, user, recordIdOf(event.params.id));
	if (!session) error(404, 'Not found');
	return {
		session,
		grades: gradesOfSession(session.grades),
		link: takesAnswers(session.status)
			? await publicFeedbackLink(db, { kind: 'bell_session', id: session.id }, event.url.origin)
			: null
	};
};
