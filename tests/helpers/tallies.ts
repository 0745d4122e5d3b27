import { sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../../src/lib/server/db/connect.ts';
import { findTallies } from '../../src/lib/server/coverage/bulk-load.ts';

async function rows(db: DB, query: string): Promise<unknown[]> {
	return (await sql.raw(query).execute(db)).rows;
}

/** Each tally's non-zero rows, as kept by the triggers and as recomputed from the live rows. */
export async function keptAndRecomputed(db: DB) {
	const kept: Record<string, unknown[]> = {};
	const recomputed: Record<string, unknown[]> = {};
	const tallies = await findTallies(db);
	// Every tally the migrations made: sessions, grades, pairings, enrolments, events.
	expect(tallies).toHaveLength(5);
	for (const { table, parts, keys, values } of tallies) {
		const nonZero = (of: (v: string) => string) => values.map((v) => `${of(v)} <> 0`).join(' or ');
		const order = keys.join(', ');
		kept[table] = await rows(
			db,
			`select ${order}, ${values.join(', ')} from ${table} where ${nonZero((v) => v)} order by ${order}`
		);
		recomputed[table] = await rows(
			db,
			`select ${order}, ${values.map((v) => `sum(${v}) as ${v}`).join(', ')} from ${parts}
			group by ${order} having ${nonZero((v) => `sum(${v})`)} order by ${order}`
		);
	}
	return { kept, recomputed };
}
