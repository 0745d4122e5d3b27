import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * `column` contains `text` as typed: % and _ in it are matched literally, not as wildcards.
 * LIKE ... ESCAPE is standard SQL (SQLite and PostgreSQL alike).
 */
export function containsText(column: Expression<string | null>, text: string): Expression<SqlBool> {
	const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
	return sql<SqlBool>`${column} like ${`%${escaped}%`} escape '\\'`;
}
