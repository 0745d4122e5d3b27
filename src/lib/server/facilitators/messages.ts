import { m } from '../../paraglide/messages.js';
import type { FacilitatorChangeResult } from './service.ts';

type FieldError = Extract<FacilitatorChangeResult, { field: string }>['error'];

/** The message in the user's language for a refused facilitator change. */
export function facilitatorErrorMessage(error: FieldError): string {
	return { scope_outside: m.scope_outside, topic_unavailable: m.catalogue_topic_unavailable }[
		error
	]();
}

/** Where the form shows that message: a list's own errors live under `_errors`. */
export function facilitatorErrorPath(
	field: Extract<FacilitatorChangeResult, { field: string }>['field']
): 'district_id' | 'topic_ids._errors' {
	return field === 'topic_ids' ? 'topic_ids._errors' : 'district_id';
}
