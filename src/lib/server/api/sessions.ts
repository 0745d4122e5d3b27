import { z } from 'zod';
import { bellSessionStatuses } from '../../bell-sessions/values.ts';
import type { ApiUser } from '../api-tokens/repository.ts';
import { getDb } from '../db/index.ts';
import { apiError, apiJson } from './respond.ts';
import { decodeCursor, findApiSessions } from './session-rows.ts';

// GET /api/v1/sessions: the sessions in the token's scope in time order, a page at a time. Pages
// follow each other by keyset (the last session's start and id, as an opaque cursor), so a
// system reading every page misses nothing and sees nothing twice while sessions are added.

const id = z.coerce.number().int().positive();
const isoDate = z.iso.date();

export const sessionsQuerySchema = z.object({
	status: z.enum(bellSessionStatuses).optional(),
	area: id.optional(),
	neighborhood: id.optional(),
	school: id.optional(),
	from: isoDate.optional(),
	to: isoDate.optional(),
	after: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50)
});

export type SessionsQuery = z.infer<typeof sessionsQuerySchema>;

export async function respondWithSessionsJson(user: ApiUser, url: URL): Promise<Response> {
	const params = Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ''));
	const parsed = sessionsQuerySchema.safeParse(params);
	if (!parsed.success)
		return apiError(
			400,
			'bad_request',
			'Some query parameters are not valid.',
			z.flattenError(parsed.error).fieldErrors
		);
	const after = parsed.data.after ? decodeCursor(parsed.data.after) : null;
	if (parsed.data.after && !after)
		return apiError(400, 'bad_request', 'The cursor in "after" is not one this API gave.');
	return apiJson(await findApiSessions(getDb(), user, parsed.data, after));
}
