import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { ClosureProblem } from './service.ts';

// Why a closure change was refused, in the user's language.

export function closureProblemMessage(problem: ClosureProblem, locale?: Locale): string {
	const options = locale ? { locale } : undefined;
	const messages: Record<
		ClosureProblem,
		(inputs: object, options?: { locale?: Locale }) => string
	> = {
		scope_outside: m.closures_error_scope_outside,
		school_required: m.closures_error_school_required,
		school_not_allowed: m.closures_error_school_not_allowed,
		school_outside: m.closures_error_school_outside,
		center_required: m.closures_error_center_required,
		center_not_allowed: m.closures_error_center_not_allowed,
		center_outside: m.closures_error_center_outside,
		date_invalid: m.date_format,
		date_order: m.closures_error_date_order
	};
	return messages[problem]({}, options);
}
