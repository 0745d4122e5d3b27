import {
	PostgresAdapter,
	sql,
	type ColumnDefinitionBuilder,
	type Expression,
	type Kysely,
	type RawBuilder
} from 'kysely';

// The one place that knows SQLite's SQL from PostgreSQL's. Everything else (the domain code, the
// migrations) is written once in SQL both understand, and comes here where they differ: how a
// key is numbered, a text pattern checked, days counted between two instants, a trigger written,
// a table rebuilt, the tables listed. Engine-specific tooling (connecting, backups) lives beside
// it in connect.ts and backup code; a test keeps SQLite-only SQL out of everything else.

export type Engine = 'sqlite' | 'postgres';

// The migrations hold a Kysely<any> (they never depend on today's schema), the app its DB.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKysely = Kysely<any>;

export function engineOf(db: AnyKysely): Engine {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Whether `error` is a unique-index violation, as each engine names it. */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** An integer primary key the database numbers: `.addColumn('id', 'integer', numberedKey(db))`. */
export function numberedKey(db: AnyKysely) {
	return (column: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
		engineOf(db) === 'postgres'
			? column.primaryKey().generatedByDefaultAsIdentity()
			: column.primaryKey().autoIncrement();
}

/** The column type of raw bytes. */
export const bytesType = (db: AnyKysely): 'blob' | 'bytea' =>
	engineOf(db) === 'postgres' ? 'bytea' : 'blob';

/** A glob pattern (`[0-9]`, `*`, `?`, literal text) as an anchored regular expression. */
function globToRegex(pattern: string): string {
	let regex = '';
	for (let i = 0; i < pattern.length; i++) {
		const char = pattern[i]!;
		if (char === '[') {
			const end = pattern.indexOf(']', i + 1);
			regex += pattern.slice(i, end + 1);
			i = end;
		} else if (char === '*') regex += '.*';
		else if (char === '?') regex += '.';
		else regex += char.replace(/[\\^$.|+(){}]/g, '\\$&');
	}
	return `^${regex}$`;
}

/**
 * `column` matches a glob pattern, for CHECK constraints (written as literals: a constraint takes
 * no parameters). SQLite's glob; PostgreSQL's regular expressions, anchored as glob is.
 */
export function matchesGlob(db: AnyKysely, column: string, pattern: string): RawBuilder<boolean> {
	if (/['\]]/.test(pattern.replace(/\[[^\]]*\]/g, '')))
		throw new Error(`Unsupported glob ${pattern}`);
	return engineOf(db) === 'postgres'
		? sql.raw(`${column} ~ '${globToRegex(pattern)}'`)
		: sql.raw(`${column} glob '${pattern}'`);
}

/** A 'YYYY-MM-DD' date, as the checks of every date column have it. */
export const isoDateCheck = (db: AnyKysely, column: string): RawBuilder<boolean> =>
	matchesGlob(db, column, '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');

/** A 'HH:MM' clock time, as the checks of every time column have it. */
export const clockTimeCheck = (db: AnyKysely, column: string): RawBuilder<boolean> =>
	matchesGlob(db, column, '[0-2][0-9]:[0-5][0-9]');

/** Days (with their fraction) from `earlier` to `later`, both UTC ISO-8601 instants as text. */
export function daysBetween(
	db: AnyKysely,
	later: Expression<string> | string,
	earlier: Expression<string>
): RawBuilder<number> {
	return engineOf(db) === 'postgres'
		? sql<number>`extract(epoch from (${later}::timestamptz - ${earlier}::timestamptz)) / 86400`
		: sql<number>`julianday(${later}) - julianday(${earlier})`;
}

/** The names of the tables (not views), in no particular order. */
export async function listTables(db: AnyKysely): Promise<string[]> {
	const tables = await db.introspection.getTables();
	return tables.filter((table) => !table.isView).map((table) => table.name);
}

export interface RowTrigger {
	name: string;
	table: string;
	timing: 'before' | 'after';
	event: 'insert' | 'update' | 'delete';
	/** For updates: only when one of these columns is set. */
	columns?: string[];
	/** Run only when this condition (on NEW/OLD, may hold subqueries) is false. */
	unless?: string;
	/** SQL statements, each ending with `;`, that may refer to NEW and OLD. */
	body: string;
}

/** A trigger run for each row written: SQLite's own; in PostgreSQL a PL/pgSQL function and its trigger. */
export async function createRowTrigger(db: AnyKysely, trigger: RowTrigger): Promise<void> {
	const { name, table, timing, event, columns, unless, body } = trigger;
	const on = event === 'update' && columns ? `update of ${columns.join(', ')}` : event;
	if (engineOf(db) === 'sqlite') {
		const when = unless ? `when not ${unless}` : '';
		await sql
			.raw(
				`create trigger ${name} ${timing} ${on} on ${table} for each row ${when} begin ${body} end`
			)
			.execute(db);
		return;
	}
	// PostgreSQL's WHEN cannot hold a subquery: the condition moves into the function.
	const guarded = unless ? `if not ${unless} then ${body} end if;` : body;
	const row = event === 'delete' ? 'OLD' : 'NEW';
	await sql
		.raw(
			`create function ${name}() returns trigger language plpgsql as $$ begin ${guarded} return ${row}; end $$`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger ${name} ${timing} ${on} on ${table} for each row execute function ${name}()`
		)
		.execute(db);
}

export async function dropRowTrigger(
	db: AnyKysely,
	trigger: Pick<RowTrigger, 'name' | 'table'>
): Promise<void> {
	if (engineOf(db) === 'sqlite') {
		await sql.raw(`drop trigger ${trigger.name}`).execute(db);
		return;
	}
	await sql.raw(`drop trigger ${trigger.name} on ${trigger.table}`).execute(db);
	await sql.raw(`drop function ${trigger.name}()`).execute(db);
}

/** A tally kept by triggers: its table, the view of its parts, its keys, values and part identity. */
export interface TallyShape {
	table: string;
	parts: string;
	keys: string[];
	values: string[];
	/** The parts view's columns that tell one part from another. */
	identity: string[];
}

const SEEN = 'coverage_parts_seen';

/**
 * Statements a row trigger runs to take away (sign -1, before the write) or add back (+1, after)
 * the parts of a tally that `where` picks. SQLite runs a statement's row triggers row by row, so
 * the parts are simply taken away and added back. PostgreSQL runs every BEFORE trigger of a
 * statement as its row is written, but every AFTER trigger at the end of the statement: a part
 * touched by several rows of one statement (a session's attendance rows) would be taken away as
 * often, and added back as often. So there each part is taken away at most once and added back at
 * most once a statement (its trigger depth), which a temporary table remembers until the
 * statement ends (tallyStatementEnds). Every write that changes a part touches it, so the first
 * touch takes it away as it was when the statement began.
 */
export function tallyChange(db: AnyKysely, tally: TallyShape, sign: 1 | -1, where: string): string {
	const keys = tally.keys.join(', ');
	const add = (
		condition: string
	) => `insert into ${tally.table} (${keys}, ${tally.values.join(', ')})
		select ${keys}, ${tally.values.map((v) => `${sign} * sum(${v})`).join(', ')}
		from ${tally.parts} where (${where})${condition} group by ${keys}
		on conflict (${keys}) do update set
		${tally.values.map((v) => `${v} = ${tally.table}.${v} + excluded.${v}`).join(', ')};`;
	if (engineOf(db) === 'sqlite') return add('');
	const phase = sign < 0 ? 'taken' : 'added';
	const part = `concat_ws(',', ${tally.identity.join(', ')})`;
	const seen = `${SEEN}.tally = '${tally.table}' and ${SEEN}.depth = pg_trigger_depth() and ${SEEN}.phase = '${phase}'`;
	return `if to_regclass('pg_temp.${SEEN}') is null then
			create temporary table ${SEEN} (tally text, depth integer, phase text, part text,
				primary key (tally, depth, phase, part)) on commit delete rows;
		end if;
		${add(` and not exists (select 1 from ${SEEN} where ${seen} and ${SEEN}.part = ${part})`)}
		insert into ${SEEN} (tally, depth, phase, part)
			select '${tally.table}', pg_trigger_depth(), '${phase}', ${part}
			from ${tally.parts} where (${where}) on conflict do nothing;`;
}

/**
 * PostgreSQL: at the end of each statement writing `table`, forgets the parts it took away and
 * added back (see tallyChange). SQLite needs nothing.
 */
export async function tallyStatementEnds(
	db: AnyKysely,
	table: string,
	events: RowTrigger['event'][]
): Promise<void> {
	if (engineOf(db) === 'sqlite') return;
	await sql
		.raw(
			`create or replace function coverage_statement_ends() returns trigger language plpgsql as $$ begin
				if to_regclass('pg_temp.${SEEN}') is not null then
					delete from ${SEEN} where depth = pg_trigger_depth();
				end if;
				return null;
			end $$`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger coverage_${table}_statement_ends after ${events.join(' or ')} on ${table}
			for each statement execute function coverage_statement_ends()`
		)
		.execute(db);
}

export async function dropTallyStatementEnds(db: AnyKysely, tables: string[]): Promise<void> {
	if (engineOf(db) === 'sqlite') return;
	for (const table of tables)
		await sql.raw(`drop trigger coverage_${table}_statement_ends on ${table}`).execute(db);
	await sql.raw('drop function coverage_statement_ends()').execute(db);
}

/**
 * Runs `load` (in the caller's transaction) with the coverage tallies' triggers off: SQLite drops
 * them and makes them again from their own SQL; PostgreSQL disables them on their tables.
 */
export async function withoutTallyTriggers(
	db: AnyKysely,
	load: () => Promise<void>
): Promise<void> {
	if (engineOf(db) === 'sqlite') {
		const { rows } = await sql<{ sql: string; name: string }>`select name, sql from sqlite_master
			where type = 'trigger' and substr(name, 1, 9) = 'coverage_'`.execute(db);
		for (const { name } of rows) await sql.raw(`drop trigger ${name}`).execute(db);
		await load();
		for (const trigger of rows) await sql.raw(trigger.sql).execute(db);
		return;
	}
	const { rows } = await sql<{ name: string }>`select distinct tgrelid::regclass::text as name
		from pg_trigger where substr(tgname, 1, 9) = 'coverage_' and not tgisinternal`.execute(db);
	for (const { name } of rows)
		await sql.raw(`alter table ${name} disable trigger user`).execute(db);
	await load();
	for (const { name } of rows) await sql.raw(`alter table ${name} enable trigger user`).execute(db);
}

/**
 * Runs `rebuild` (which replaces tables others refer to) with SQLite's foreign keys off, as its
 * own procedure for schema changes has it, and checks them all before committing. The migrator
 * runs SQLite migrations outside a transaction, so the pragma takes effect. SQLite only: in
 * PostgreSQL a table is altered in place instead.
 */
export async function rebuildWithForeignKeysOff(
	db: AnyKysely,
	rebuild: (trx: AnyKysely) => Promise<void>
): Promise<void> {
	if (engineOf(db) !== 'sqlite') throw new Error('Only SQLite rebuilds tables');
	const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
	await sql`pragma foreign_keys = off`.execute(db);
	try {
		await db.transaction().execute(async (trx) => {
			await rebuild(trx);
			const broken = await sql`pragma foreign_key_check`.execute(trx);
			if (broken.rows.length)
				throw new Error(`Foreign keys broken by the rebuild: ${JSON.stringify(broken.rows)}`);
		});
	} finally {
		if (rows[0]?.foreign_keys) await sql`pragma foreign_keys = on`.execute(db);
	}
}
