import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/connect.ts';
import { withoutTallyTriggers } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

// A bulk load (the synthetic data's millions of rows, a copy of a whole database) would pay the
// coverage tallies' triggers row by row. This runs it with those triggers off, then puts them back
// as they were and recounts every tally from its parts view in one pass, all in one transaction.
// The tallies are read from the schema (tables `coverage_*_tallies`, their keys the columns without
// a default, their values those with one, and their `coverage_*_parts` views), so this follows
// the migrations without repeating them.

export interface Tally {
	table: string;
	parts: string;
	keys: string[];
	values: string[];
}

/** Every tally the migrations made, as the schema has it. */
export async function findTallies(db: DB): Promise<Tally[]> {
	const tables = await db.introspection.getTables();
	return tables
		.filter((table) => !table.isView && /^coverage_\w+_tallies$/.test(table.name))
		.map((table) => ({
			table: table.name,
			parts: table.name.replace(/_tallies$/, '_parts'),
			keys: table.columns.filter((c) => !c.hasDefaultValue).map((c) => c.name),
			values: table.columns.filter((c) => c.hasDefaultValue).map((c) => c.name)
		}))
		.sort((a, b) => a.table.localeCompare(b.table));
}

/** Recounts every tally from its parts: what the triggers would have kept. */
export async function recountTallies(db: DB): Promise<void> {
	for (const { table, parts, keys, values } of await findTallies(db)) {
		await sql`delete from ${sql.table(table)}`.execute(db);
		await sql
			.raw(
				`insert into ${table} (${[...keys, ...values].join(', ')})
				select ${keys.join(', ')}, ${values.map((v) => `sum(${v})`).join(', ')}
				from ${parts} group by ${keys.join(', ')}`
			)
			.execute(db);
	}
}

/** Runs `load` with the tallies' triggers off, then restores them and recounts the tallies. */
export async function loadWithoutTallyTriggers(
	db: DB,
	load: (trx: Transaction<Database>) => Promise<void>
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await withoutTallyTriggers(trx, () => load(trx));
		await recountTallies(trx);
	});
}
