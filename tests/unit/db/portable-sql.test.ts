import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The app runs on SQLite and PostgreSQL with one codebase: SQL that only SQLite understands lives
// in the dialect helper (src/lib/server/db/dialect.ts), the SQLite connection's set-up
// (connect.ts, statement-cache.ts) and the SQLite backup (backup.ts). Everywhere else in the app
// and its migrations, this test reads every string and template in the code, and the calls made,
// and fails on SQLite's own functions, pragmas, catalog and statements.

const allowed = new Set([
	'src/lib/server/db/dialect.ts',
	'src/lib/server/db/connect.ts',
	'src/lib/server/db/statement-cache.ts',
	'src/lib/server/db/backup.ts'
]);

/** SQLite-only SQL, as it would be written in a string or template. */
const sqliteOnlySql: [string, RegExp][] = [
	['julianday()', /\bjulianday\s*\(/i],
	['strftime()', /\bstrftime\s*\(/i],
	["date()/datetime() with SQLite's modifiers", /\b(date|datetime|time)\s*\(\s*'(now|[^']*)'\s*,/i],
	['glob', /\bglob\b/i],
	['the sqlite_ catalog', /\bsqlite_(master|schema|sequence|stat\d)\b/i],
	['pragma', /\bpragma\b/i],
	['autoincrement', /\bautoincrement\b/i],
	['insert or ignore/replace', /\binsert\s+or\s+(ignore|replace|abort|fail|rollback)\b/i],
	['ifnull()', /\bifnull\s*\(/i],
	['group_concat()', /\bgroup_concat\s*\(/i],
	['last_insert_rowid()', /\blast_insert_rowid\s*\(/i],
	['rowid', /\browid\b/i],
	["SQLite's blob type", /^blob$/i]
];

/** SQLite-only ways of the query builder and driver, as written in code. */
const sqliteOnlyCode: [string, RegExp][] = [
	['.autoIncrement()', /\.autoIncrement\(\)/],
	['.orIgnore() / .orReplace()', /\.or(Ignore|Replace)\(\)/],
	['insertId (PostgreSQL gives none: use returning)', /\binsertId\b/],
	['better-sqlite3', /from ['"]better-sqlite3['"]/]
];

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : filesUnder(path);
		return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/** Every string and template text in a file's code (not its comments). */
function stringsOf(path: string, text: string): string[] {
	const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (
			ts.isStringLiteral(node) ||
			ts.isNoSubstitutionTemplateLiteral(node) ||
			ts.isTemplateHead(node) ||
			ts.isTemplateMiddle(node) ||
			ts.isTemplateTail(node)
		)
			found.push(node.text);
		node.forEachChild(visit);
	};
	visit(source);
	return found;
}

/** What of SQLite's own a file holds, as "pattern: text". */
export function sqliteOnlyIn(path: string, text: string): string[] {
	const code = path.endsWith('.svelte')
		? (/<script[^>]*>([\s\S]*?)<\/script>/.exec(text)?.[1] ?? '')
		: text;
	const problems: string[] = [];
	for (const literal of stringsOf(path, code))
		for (const [name, pattern] of sqliteOnlySql)
			if (pattern.test(literal)) problems.push(`${name}: ${literal.trim().slice(0, 80)}`);
	const withoutComments = code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
	for (const [name, pattern] of sqliteOnlyCode)
		if (pattern.test(withoutComments)) problems.push(name);
	return problems;
}

describe('SQL that only SQLite understands', () => {
	it('is found by the check, in strings, templates and calls alike', () => {
		const sample = [
			'const a = sql`julianday(${x}) - julianday(updated_at)`;',
			"db.selectFrom('sqlite_master');",
			'await sql`pragma foreign_keys`.execute(db);',
			".addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())",
			"db.insertInto('t').orIgnore().values(v);",
			"check(sql.raw(`date glob '[0-9]*'`))",
			".addColumn('secret', 'blob')",
			'// julianday in a comment is not SQL'
		].join('\n');
		expect(sqliteOnlyIn('sample.ts', sample)).toEqual([
			'julianday(): julianday(',
			'julianday(): ) - julianday(updated_at)',
			'the sqlite_ catalog: sqlite_master',
			'pragma: pragma foreign_keys',
			"glob: date glob '[0-9]*'",
			"SQLite's blob type: blob",
			'.autoIncrement()',
			'.orIgnore() / .orReplace()'
		]);
	});

	it(
		'appears nowhere in the app or its migrations but the dialect helper and the backup code',
		{ timeout: 60_000 },
		() => {
			const files = [...filesUnder('src'), ...filesUnder('migrations')];
			expect(files.length).toBeGreaterThan(100);
			const problems = files
				.filter((path) => !allowed.has(path))
				.flatMap((path) =>
					sqliteOnlyIn(path, readFileSync(path, 'utf8')).map((p) => `${path}: ${p}`)
				);
			expect(problems).toEqual([]);
		}
	);
});
