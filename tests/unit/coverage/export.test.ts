import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { coverageCsv } from '../../../src/lib/server/coverage/export.ts';
import type { CoverageReport } from '../../../src/lib/server/coverage/report.ts';
import { EXPECTED } from './expected.ts';

// What agreement.test.ts does not show: a place name Excel would run as a formula stays text.

describe('the coverage CSV', () => {
	it('keeps a name that looks like a formula from running in Excel', () => {
		const report = {
			query: { view: 'school' },
			rows: [
				{
					id: 1,
					name_fa: '=HYPERLINK("x")',
					name_en: '=HYPERLINK("x")',
					rank: 1,
					figures: EXPECTED
				}
			],
			headline: EXPECTED
		} as unknown as CoverageReport;
		const [, row] = parse(coverageCsv(report), { bom: true }) as string[][];
		expect(row!.slice(0, 3)).toEqual(['1', `'=HYPERLINK("x")`, '22']);
	});
});
