import { z } from './z.ts';
import { m } from '../paraglide/messages.js';

// The profile's API token forms: a name to make one, the token's id to revoke it.

const required = () => m.field_required();

export const createApiTokenSchema = z.object({
	name: z
		.string({ error: required })
		.trim()
		.min(1, { error: required })
		.max(80, { error: () => m.api_token_name_too_long() })
});

export const revokeApiTokenSchema = z.object({
	token_id: z.coerce.number({ error: required }).int().positive()
});
