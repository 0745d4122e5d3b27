import { describe, expect, it } from 'vitest';
import {
	keepPendingImport,
	takePendingImport
} from '../../../src/lib/server/schools/import/pending.ts';

const table = { header: ['ministry_code'], rows: [{ row: 2, cells: ['1'] }] };

describe('a previewed file waiting for confirmation', () => {
	it('is handed back once, only to the admin who previewed it', () => {
		const token = keepPendingImport(1, 'a.csv', table, 1_000);
		expect(token).toMatch(/^[\w-]{32}$/);
		expect(takePendingImport(token, 2, 1_000)).toBeNull();
		expect(takePendingImport(token, 1, 1_000)).toEqual({ fileName: 'a.csv', table });
		expect(takePendingImport(token, 1, 1_000)).toBeNull();
	});

	it('expires after a few minutes', () => {
		const token = keepPendingImport(1, 'a.csv', table, 1_000);
		expect(takePendingImport(token, 1, 1_000 + 16 * 60_000)).toBeNull();
	});

	it('does not accept a made-up token', () => {
		expect(takePendingImport('not-a-token', 1)).toBeNull();
	});
});
