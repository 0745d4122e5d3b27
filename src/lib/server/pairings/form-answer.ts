import { error, fail } from '@sveltejs/kit';
import { message, setError, type SuperValidated } from 'sveltekit-superforms';
import { localName } from '../../i18n/names.ts';
import { m } from '../../paraglide/messages.js';
import { pairingRefusalMessage, refusalField } from './messages.ts';
import type { PairingResult } from './service.ts';

export interface PairingFormMessage {
	tone: 'success' | 'error';
	text: string;
}

type Done = (values: { neighborhood: string; school: string }) => string;

/**
 * The answer to a pair, change or unpair form: a success message, a refusal on the field it
 * concerns (the other-area warning sits on the "pair anyway" box), 409 for a stale form, 404
 * outside the admin's districts.
 */
export function answerPairingForm<T extends Record<string, unknown>>(
	form: SuperValidated<T, PairingFormMessage>,
	result: PairingResult,
	done: Done
) {
	if (result.ok) {
		const text = done({ neighborhood: localName(result.neighborhood), school: result.school });
		return message(form, { tone: 'success', text });
	}
	if (result.error === 'not_found') error(404, 'Not found');
	const text = pairingRefusalMessage(result);
	const field = refusalField(result);
	if (field && field in form.data) return setError(form, field as never, text);
	const status = result.error === 'stale' ? 409 : 400;
	return message(form, { tone: 'error', text }, { status });
}

/** Fields the page fills in itself: when one is wrong the page is out of date or was tampered with. */
const hiddenFields = ['school_year_id', 'pairing_id', 'version'];

/** The answer to a form that did not validate: field errors, or one message for the hidden fields. */
export function refuseInvalidPairingForm<T extends Record<string, unknown>>(
	form: SuperValidated<T, PairingFormMessage>
) {
	if (Object.keys(form.errors).some((field) => hiddenFields.includes(field)))
		return message(form, { tone: 'error', text: m.error_request_body() }, { status: 400 });
	return fail(400, { form });
}
