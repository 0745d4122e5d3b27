import { m } from '../../paraglide/messages.js';
import type { UserChangeResult } from './service.ts';

type FieldError = Extract<UserChangeResult, { field: string }>['error'];

/** The message in the user's language for a refused user change. */
export function userChangeErrorMessage(error: FieldError): string {
	return {
		email_taken: m.email_taken,
		scope_outside: m.scope_outside,
		own_role: m.own_role,
		password_too_short: m.password_too_short,
		password_common: m.password_common
	}[error]();
}
