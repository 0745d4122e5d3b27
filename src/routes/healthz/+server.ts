import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const { status, body } = await readHealth(getDb());
	return json(body, { status, headers: { 'cache-control': 'no-store' } });
};
