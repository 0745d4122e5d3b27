import { sql } from 'kysely';
import type { DB } from './db/connect.ts';

export interface Health {
	status: 200 | 503;
	body: { status: 'ok' | 'unavailable'; database: 'ok' | 'unreachable' };
}

export async function readHealth(db: DB): Promise<Health> {
	try {
		await sql`select 1`.execute(db);
		return { status: 200, body: { status: 'ok', database: 'ok' } };
	} catch {
		return { status: 503, body: { status: 'unavailable', database: 'unreachable' } };
	}
}
