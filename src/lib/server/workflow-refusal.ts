import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

// How a detail page answers a workflow change (a session's handshake, a campaign event's move,
// cancel or keep) refused for a reason that is not one field's: unknown or out of scope 404, not
// the user's to make 403, and the form back with a message when someone changed the record
// first, its state no longer allows the change, or a reason was missing.

/** Why a workflow change was refused, apart from its slot's problems. */
export type WorkflowError = 'not_found' | 'forbidden' | 'stale' | 'wrong_state' | 'reason_required';

export function workflowRefusal(
	result: { error: WorkflowError | 'refused' },
	form: { message?: string },
	messages: { stale: () => string; wrongState: () => string }
) {
	switch (result.error) {
		case 'not_found':
			error(404, 'Not found');
		// error() throws; the comments keep the linter's fall-through rule quiet.
		// falls through
		case 'forbidden':
			error(403, 'Forbidden');
		// falls through
		case 'stale':
			return fail(409, { form: { ...form, message: messages.stale() } });
		case 'wrong_state':
			return fail(409, { form: { ...form, message: messages.wrongState() } });
		default:
			return fail(400, { form: { ...form, message: m.field_reason_required() } });
	}
}
