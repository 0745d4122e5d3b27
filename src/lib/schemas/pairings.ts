import { z } from './z.ts';
import { REASON_MAX_LENGTH } from '../pairings/limits.ts';
import { formatNumber } from '../i18n/format.ts';
import { m } from '../paraglide/messages.js';

// Messages are functions so each request gets its own language.
const required = () => m.field_required();

const recordId = z.coerce
	.number({ error: required })
	.int({ error: required })
	.positive({ error: required });

const schoolId = z.coerce
	.number({ error: () => m.pairing_school_required() })
	.int({ error: () => m.pairing_school_required() })
	.positive({ error: () => m.pairing_school_required() });

const reason = z
	.string({ error: () => m.pairing_reason_required() })
	.trim()
	.min(1, { error: () => m.pairing_reason_required() })
	.max(REASON_MAX_LENGTH, {
		error: () => m.pairing_reason_too_long({ max: formatNumber(REASON_MAX_LENGTH) })
	});

const version = z.coerce
	.number({ error: required })
	.int({ error: required })
	.min(1, { error: required });

export const pairSchema = z.object({
	school_year_id: recordId,
	school_id: schoolId,
	/** Ticked once the admin has read that the school is in another area. */
	confirm_other_area: z.boolean().default(false)
});

export const changePairingSchema = z.object({
	pairing_id: recordId,
	version,
	school_id: schoolId,
	reason,
	confirm_other_area: z.boolean().default(false)
});

export const unpairSchema = z.object({ pairing_id: recordId, version, reason });

export const copyPairingsSchema = z.object({ school_year_id: recordId });

export type PairForm = z.infer<typeof pairSchema>;
export type ChangePairingForm = z.infer<typeof changePairingSchema>;
export type UnpairForm = z.infer<typeof unpairSchema>;
