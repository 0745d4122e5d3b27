import { z } from './z.ts';
import { audiences, organizations } from '../catalogue/labels.ts';
import { toLatinDigits } from '../i18n/digits.ts';
import { m } from '../paraglide/messages.js';

// Topics (shared by every district) and facilitators (one district's). Messages are functions
// so each request gets its own language. The audiences, organizations and their labels are in
// `catalogue/labels.ts`.

const required = () => m.field_required();
const requiredText = (max: number) => z.string().trim().min(1, { error: required }).max(max);
// Versions start at 1; a missing one (read as 0) is refused like any invalid field.
const version = z.coerce.number().int().positive();

/** Phone numbers as stored: Latin digits, without the spaces and dashes people type. */
export function normalizePhone(raw: string): string {
	return toLatinDigits(raw).replace(/[\s\-()]/g, '');
}

const topicFields = z.object({
	name_fa: requiredText(100),
	name_en: requiredText(100),
	audience: z
		.array(z.enum(audiences, { error: () => m.catalogue_audience_required() }), {
			error: () => m.catalogue_audience_required()
		})
		.min(1, { error: () => m.catalogue_audience_required() })
});

export const topicCreateSchema = topicFields.extend({
	code: requiredText(40).regex(/^[a-z0-9_]+$/, { error: () => m.catalogue_code_format() })
});

/** The code is the topic's lasting identity (other data and exports refer to it): not editable. */
export const topicUpdateSchema = topicFields.extend({ version });

/** Retire and restore carry the version the admin saw, like every edit. */
export const versionSchema = z.object({ version });

export const facilitatorSchema = z.object({
	district_id: z.coerce.number().int().positive().optional(),
	name: requiredText(100),
	organization: z.enum(organizations, { error: () => m.catalogue_organization_required() }),
	phone: z
		.string()
		.trim()
		.max(40)
		.default('')
		.refine((v) => v === '' || /^\+?[0-9]{4,15}$/.test(normalizePhone(v)), {
			error: () => m.catalogue_phone_invalid()
		}),
	topic_ids: z.array(z.coerce.number().int().positive()).default([]),
	// An unticked box is not posted at all: missing means inactive (the new-facilitator form ticks it).
	active: z.boolean().default(false)
});

export const facilitatorUpdateSchema = facilitatorSchema.extend({ version });

export type TopicInput = z.infer<typeof topicFields>;
export type NewTopicInput = z.infer<typeof topicCreateSchema>;
export type FacilitatorInput = z.infer<typeof facilitatorSchema>;
