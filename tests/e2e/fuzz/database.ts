import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';

// What "nothing written" means to the fuzzer: every table holds exactly the rows it held before.
// Each table's rows are hashed; the hashes are taken again only after some other connection has
// committed (SQLite's data_version tells), so a request that wrote nothing costs one pragma.

// The auth hook moves a session's last_seen_at forward on any request once five minutes have
// passed: that keeps the fuzzer signed in; it is not something the request under test wrote. The
// API notes when a token was last used on every request it answers (shown on /profile), likewise.
const ignoredColumns: Record<string, string[]> = {
	user_sessions: ['last_seen_at'],
	api_tokens: ['last_used_at']
};

// Requests counted per address (the public pages', the feedback form's limits): every request
// to those routes counts, written or refused; it is not a record anybody made.
const ignoredTables = ['rate_limit_hits'];

/** Table name → its row count and a hash of its rows. */
export type Snapshot = Map<string, string>;

export interface Change {
	table: string;
	rowsBefore: number;
	rowsAfter: number;
}

/** Tables the database keeps from others by triggers (the coverage tallies): they follow a write. */
export const keptByTriggers = (table: string): boolean => /^coverage_\w+_tallies$/.test(table);

const rowCount = (state: string | undefined): number => Number(state?.split(':')[0] ?? 0);

export const describeChanges = (changes: Change[]): string =>
	changes.map((c) => `${c.table} (${c.rowsBefore} → ${c.rowsAfter} rows)`).join(', ');

export class DatabaseWatch {
	private readonly db: SQLite.Database;
	private readonly tables: { name: string; rows: SQLite.Statement }[];
	private version = -1;
	private last: Snapshot = new Map();

	constructor(path: string) {
		this.db = new SQLite(path, { readonly: true });
		const names = (
			this.db
				.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
				.pluck()
				.all() as string[]
		).filter((name) => !ignoredTables.includes(name));
		this.tables = names.map((name) => {
			const columns = (this.db.pragma(`table_info("${name}")`) as { name: string }[])
				.map((column) => column.name)
				.filter((column) => !ignoredColumns[name]?.includes(column));
			const list = columns.map((column) => `"${column}"`).join(', ');
			return { name, rows: this.db.prepare(`select ${list} from "${name}"`).raw() };
		});
	}

	/** Every table as it is now. */
	snapshot(): Snapshot {
		const version = this.db.pragma('data_version', { simple: true }) as number;
		if (version !== this.version) {
			this.version = version;
			this.last = this.db.transaction(() => this.hashTables())();
		}
		return this.last;
	}

	/** The tables whose rows differ from the snapshot, with their row counts then and now. */
	changesSince(before: Snapshot): Change[] {
		return [...this.snapshot()]
			.filter(([table, state]) => before.get(table) !== state)
			.map(([table, state]) => ({
				table,
				rowsBefore: rowCount(before.get(table)),
				rowsAfter: rowCount(state)
			}));
	}

	/** The table's last row, every column. */
	lastRow(table: string): Record<string, unknown> | undefined {
		return this.db.prepare(`select * from "${table}" order by rowid desc limit 1`).get() as
			Record<string, unknown> | undefined;
	}

	/** The first column of the first row the query finds: the fuzzer's own look-ups. */
	value(sql: string, ...parameters: unknown[]): unknown {
		return this.db
			.prepare(sql)
			.pluck()
			.get(...parameters);
	}

	/** SQLite's own checks over every row: both must come back clean. */
	checks(): { integrity: unknown[]; foreignKeys: unknown[] } {
		return {
			integrity: this.db.pragma('integrity_check') as unknown[],
			foreignKeys: this.db.pragma('foreign_key_check') as unknown[]
		};
	}

	close(): void {
		this.db.close();
	}

	private hashTables(): Snapshot {
		const snapshot: Snapshot = new Map();
		for (const { name, rows } of this.tables) {
			const hash = createHash('sha256');
			let count = 0;
			for (const row of rows.iterate() as Iterable<unknown[]>) {
				hash.update(`${JSON.stringify(row)}\n`);
				count++;
			}
			snapshot.set(name, `${count}:${hash.digest('hex')}`);
		}
		return snapshot;
	}
}
