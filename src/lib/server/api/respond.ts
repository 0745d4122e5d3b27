import { json } from '@sveltejs/kit';
import { getDb } from '../db/index.ts';
import { findApiTokenUser, type ApiUser } from '../api-tokens/repository.ts';

// The read-only API's door: a personal token in `Authorization: Bearer <token>` is the only
// credential (a session cookie is ignored), and every answer is JSON, errors too.

const noStore = { 'cache-control': 'no-store' };

/** Database names (name_fa) as JSON names (nameFa), at every depth. */
export function camelKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(camelKeys);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, v]) => [
			key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
			camelKeys(v)
		])
	);
}

export function apiJson(body: unknown): Response {
	return json(camelKeys(body), { headers: noStore });
}

export function apiError(status: number, code: string, message: string, details?: unknown) {
	const headers: Record<string, string> = { ...noStore };
	if (status === 401) headers['www-authenticate'] = 'Bearer realm="prevention-bell"';
	return json({ error: { code, message, ...(details ? { details } : {}) } }, { status, headers });
}

function bearerToken(request: Request): string | null {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
	return match ? match[1]! : null;
}

/** Answers with `respond` for the token's owner, or 401 without a live token. */
export async function withApiUser(
	request: Request,
	respond: (user: ApiUser) => Promise<Response>
): Promise<Response> {
	const token = bearerToken(request);
	const user = token ? await findApiTokenUser(getDb(), token) : null;
	if (!user)
		return apiError(
			401,
			'unauthorized',
			'A live API token is required: send "Authorization: Bearer <token>".'
		);
	return respond(user);
}
