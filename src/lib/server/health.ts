import { sql } from 'kysely';
import type { DB } from './db/connect.ts';
import { engineOf } from './db/dialect.ts';

export interface Health {
	status: 200 | 503;
	body: {
		status: 'ok' | 'unavailable';
		database: 'ok' | 'unreachable';
		/** Which engine the app runs on, for operators and load balancers' logs. */
		engine: 'sqlite' | 'postgresql';
	};
}

export async function readHealth(db: DB): Promise<Health> {
	const engine = engineOf(db) === 'postgres' ? 'postgresql' : 'sqlite';
	try {
		await sql`select 1`.execute(db);
		return { status: 200, body: { status: 'ok', database: 'ok', engine } };
	} catch {
		return { status: 503, body: { status: 'unavailable', database: 'unreachable', engine } };
	}
}
