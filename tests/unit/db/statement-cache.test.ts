import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../src/lib/server/db/statement-cache.ts';

describe('the prepared-statement cache', () => {
	it('prepares a statement once and hands it out again', () => {
		const db = withStatementCache(new SQLite(':memory:'));
		expect(db.prepare('select 1 as one')).toBe(db.prepare('select 1 as one'));
		expect(db.prepare('select 1 as one')).not.toBe(db.prepare('select 2 as two'));
	});

	it('prepares afresh while the cached statement is still being read', () => {
		const db = withStatementCache(new SQLite(':memory:'));
		const reading = db.prepare('select 1 as one union all select 2');
		const rows = reading.iterate([]);
		rows.next();
		const other = db.prepare('select 1 as one union all select 2');
		expect(other).not.toBe(reading);
		expect(other.all([])).toEqual([{ one: 1 }, { one: 2 }]);
		rows.return?.();
	});

	it('keeps at most 500 statements, dropping the least recently used', () => {
		const db = withStatementCache(new SQLite(':memory:'));
		const first = db.prepare('select 0');
		for (let i = 1; i <= 500; i++) db.prepare(`select ${i}`);
		expect(db.prepare('select 500')).toBe(db.prepare('select 500'));
		expect(db.prepare('select 0')).not.toBe(first);
	});
});
