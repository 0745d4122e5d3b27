import { error, redirect } from '@sveltejs/kit';
import { message, type SuperValidated } from 'sveltekit-superforms';
import { m } from '../../paraglide/messages.js';
import type { FeedbackSubject } from '../feedback/subject.ts';
import { attendanceRefusalMessage } from './messages.ts';
import type { RecordingResult } from './record.ts';

/** What a session's or event's `attendance` action answers once the recording has run. */
export function answerRecording<T extends Record<string, unknown>>(
	form: SuperValidated<T>,
	result: RecordingResult,
	kind: FeedbackSubject['kind'],
	savedTo: string
) {
	if (result.ok) redirect(303, savedTo);
	if (result.error === 'refused')
		return message(form, attendanceRefusalMessage(result.problem, kind), { status: 400 });
	if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
	error(result.error === 'forbidden' ? 403 : 404, 'Not found');
}
