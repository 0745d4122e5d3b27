import { sql } from 'kysely';
import type { DB } from '../../src/lib/server/db/connect.ts';
import { engineOf, listTables } from '../../src/lib/server/db/dialect.ts';

// What the tests compare of a schema, on either engine: the tables, and every table, column,
// constraint, index, view and trigger with its definition as the engine stores it.

/** The tables, sorted, the migrator's own left out. */
export async function tableNames(db: DB): Promise<string[]> {
	return (await listTables(db)).sort();
}

const lines = async (db: DB, query: ReturnType<typeof sql<{ line: string }>>) =>
	(await query.execute(db)).rows.map((row) => row.line);

/** Every definition in the schema, one line each, the migrator's own tables left out. */
export async function schemaOf(db: DB): Promise<string[]> {
	if (engineOf(db) === 'sqlite')
		return lines(
			db,
			sql<{
				line: string;
			}>`select type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '') as line
				from sqlite_master where name not like 'kysely_%' and tbl_name not like 'kysely_%'
				order by type, name`
		);
	// PostgreSQL: columns in their order (not their numbers, which a dropped column leaves behind).
	const columns = await lines(
		db,
		sql<{ line: string }>`select 'column ' || table_name || '.' || column_name || ' ' || data_type
				|| ' ' || is_nullable || ' ' || coalesce(column_default, '') || ' ' || is_identity as line
			from information_schema.columns
			where table_schema = 'public' and table_name not like 'kysely_%'
			order by table_name, ordinal_position`
	);
	const rest = await lines(
		db,
		sql<{ line: string }>`select line from (
			select 'constraint ' || conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) as line
				from pg_constraint where connamespace = 'public'::regnamespace
			union all select 'index ' || indexname || ': ' || indexdef from pg_indexes
				where schemaname = 'public' and tablename not like 'kysely_%'
			union all select 'view ' || viewname || ': ' || definition from pg_views where schemaname = 'public'
			union all select 'trigger ' || tgname || ': ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
			union all select 'function ' || proname || ': ' || prosrc from pg_proc
				where pronamespace = 'public'::regnamespace
		) definitions where line not like '%kysely_%' order by line`
	);
	return [...columns, ...rest];
}

/** A table's rows, each as JSON, sorted: the same rows give the same list on either engine. */
export async function sortedRows(db: DB, table: string, where?: string): Promise<string[]> {
	const kept = where ? sql`where not (${sql.raw(where)})` : sql``;
	const { rows } = await sql`select * from ${sql.table(table)} ${kept}`.execute(db);
	return rows.map((row) => JSON.stringify(row)).sort();
}

/** The indexes of the tables, by name, sorted: those made by the migrations, not by a constraint. */
export async function indexNames(db: DB, tables: string[]): Promise<string[]> {
	const { rows } =
		engineOf(db) === 'sqlite'
			? await sql<{ name: string }>`select name from sqlite_master
				where type = 'index' and tbl_name in (${sql.join(tables)}) and name not like 'sqlite_%'`.execute(db)
			: await sql<{ name: string }>`select indexname as name from pg_indexes
				where schemaname = 'public' and tablename in (${sql.join(tables)})
				and indexname not in (select conname from pg_constraint)`.execute(db);
	return rows.map((row) => row.name).sort();
}
