import { error } from '@sveltejs/kit';
import type { Transaction } from 'kysely';
import { m } from '../../paraglide/messages.js';
import type { DB } from './connect.ts';
import { backOff, isConcurrencyFailure, MAX_ATTEMPTS } from './postgres-retry.ts';
import type { Database } from './schema.ts';

/**
 * Runs `work` in one transaction, all of it or none. When PostgreSQL refuses it because of
 * another transaction running at the same time (see postgres-retry.ts), nothing of it was kept,
 * and it is run again, afresh, a few times; if it is still refused, the person is told that the
 * record changed meanwhile (409), never an error of the server. SQLite runs one writer at a time.
 * `work` must not have effects outside the database: it may run more than once.
 */
export async function inTransaction<T>(
	db: DB,
	work: (trx: Transaction<Database>) => Promise<T>
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction().execute(work);
		} catch (failure) {
			if (!isConcurrencyFailure(failure)) throw failure;
			if (attempt >= MAX_ATTEMPTS) error(409, m.stale_edit());
			await backOff(attempt);
		}
	}
}
