import type SQLite from 'better-sqlite3';

// A bulk load (the synthetic data's millions of rows) would pay the coverage tallies' triggers row
// by row. This runs it with those triggers off, then puts them back exactly as they were and
// recounts every tally from its parts view in one pass, all in one transaction. Everything is read
// from the schema (triggers `coverage_*`, tables `coverage_*_tallies` and their `coverage_*_parts`
// views), so it follows the migrations without repeating them.

export interface TallyShape {
	table: string;
	parts: string;
	keys: string[];
	values: string[];
}

/** Every tally table's columns, primary-key ones marked: read with any driver, see tallyShapes. */
export const TALLY_COLUMNS_SQL = `select m.name as "table", c.name as "column", c.pk as pk
	from sqlite_master m join pragma_table_info(m.name) c
	where m.type = 'table' and m.name like 'coverage\\_%\\_tallies' escape '\\'
	order by m.name, c.cid`;

/** Each tally's table, parts view, keys (its primary key) and values, from TALLY_COLUMNS_SQL's rows. */
export function tallyShapes(rows: { table: string; column: string; pk: number }[]): TallyShape[] {
	const shapes = new Map<string, TallyShape>();
	for (const { table, column, pk } of rows) {
		const shape = shapes.get(table) ?? {
			table,
			parts: table.replace(/_tallies$/, '_parts'),
			keys: [],
			values: []
		};
		(pk > 0 ? shape.keys : shape.values).push(column);
		shapes.set(table, shape);
	}
	return [...shapes.values()];
}

/** Recounts every tally from its parts: what the triggers would have kept. */
export function recountTallies(db: SQLite.Database): void {
	const columns = db.prepare(TALLY_COLUMNS_SQL).all() as Parameters<typeof tallyShapes>[0];
	for (const { table, parts, keys, values } of tallyShapes(columns)) {
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
