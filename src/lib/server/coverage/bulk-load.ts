import type SQLite from 'better-sqlite3';

// A bulk load (the synthetic data's millions of rows) would pay the coverage tallies' triggers row
// by row. This runs it with those triggers off, then puts them back exactly as they were and
// recounts every tally from its parts view in one pass, all in one transaction. Everything is read
// from the schema (triggers `coverage_*`, tables `coverage_*_tallies` and their `coverage_*_parts`
// views), so it follows the migrations without repeating them.

interface TallyShape {
	table: string;
	parts: string;
	keys: string[];
	values: string[];
}

function tallyShapes(db: SQLite.Database): TallyShape[] {
	const tables = db
		.prepare(
			"select name from sqlite_master where type = 'table' and name like 'coverage\\_%\\_tallies' escape '\\'"
		)
		.pluck()
		.all() as string[];
	return tables.map((table) => {
		const columns = db.pragma(`table_info(${table})`) as { name: string; pk: number }[];
		return {
			table,
			parts: table.replace(/_tallies$/, '_parts'),
			keys: columns.filter((c) => c.pk > 0).map((c) => c.name),
			values: columns.filter((c) => c.pk === 0).map((c) => c.name)
		};
	});
}

/** Recounts every tally from its parts: what the triggers would have kept. */
export function recountTallies(db: SQLite.Database): void {
	for (const { table, parts, keys, values } of tallyShapes(db)) {
		db.exec(`delete from ${table}`);
		db.exec(
			`insert into ${table} (${[...keys, ...values].join(', ')})
			select ${keys.join(', ')}, ${values.map((v) => `sum(${v})`).join(', ')}
			from ${parts} group by ${keys.join(', ')}`
		);
	}
}

/** Runs `load` with the tallies' triggers off, then restores them and recounts the tallies. */
export function loadWithoutTallyTriggers(db: SQLite.Database, load: () => void): void {
	db.transaction(() => {
		const triggers = db
			.prepare(
				"select name, sql from sqlite_master where type = 'trigger' and name like 'coverage\\_%' escape '\\'"
			)
			.all() as { name: string; sql: string }[];
		for (const { name } of triggers) db.exec(`drop trigger ${name}`);
		load();
		for (const trigger of triggers) db.exec(trigger.sql);
		recountTallies(db);
	})();
}
