import { z } from 'zod';
import { formatNumber } from '../i18n/format.ts';
import { m } from '../paraglide/messages.js';

// zod as every schema of the app uses it: a check that gives no message of its own still answers
// in the user's language (zod's own messages are English: "Too big: expected string to have
// <=200 characters"). A field's own message, where it has one, comes first.
z.config({
	customError: (issue) => {
		if (issue.code === 'too_big' && issue.origin === 'string')
			return m.field_too_long({ max: formatNumber(Number(issue.maximum)) });
		const missing = issue.code === 'invalid_type' && issue.input === undefined;
		const empty = issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1;
		if (missing || empty) return m.field_required();
		return m.field_invalid();
	}
});

export { z };
