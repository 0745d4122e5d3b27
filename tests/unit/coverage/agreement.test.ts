import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '../../../src/lib/server/api-tokens/service.ts';
import type { AuthUser } from '../../../src/lib/server/auth/guard.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { migrateToLatest } from '../../../src/lib/server/db/migrate.ts';
import { measureKeys, measureLabel } from '../../../src/lib/server/coverage/measures.ts';
import { DOWLAB, EXPECTED } from './expected.ts';
import { buildCoverageWorld, scopedUserOf, type CoverageWorld } from './fixtures.ts';

// The page, the CSV, the workbook and the API are four readings of one report: for the same
// query they give the same numbers, and those are the hand-worked ones.

vi.stubEnv('DATABASE_PATH', ':memory:');
const { getDb } = await import('../../../src/lib/server/db/index.ts');
const page = await import('../../../src/routes/coverage/+page.server.ts');
const csvRoute = await import('../../../src/routes/coverage/export.csv/+server.ts');
const xlsxRoute = await import('../../../src/routes/coverage/export.xlsx/+server.ts');
const apiRoute = await import('../../../src/routes/api/v1/coverage/+server.ts');

type Figures = Record<string, number | null>;

const ORIGIN = 'https://bell.example.org';

describe('page, CSV, XLSX and API agree', () => {
	let db: DB;
	let world: CoverageWorld;
	let liaison: AuthUser;
	let token: string;

	beforeAll(async () => {
		db = getDb();
		await migrateToLatest(db);
		world = await buildCoverageWorld(db);
		liaison = await scopedUserOf(db, 'liaison@demo.test');
		token = (await createApiToken(db, { id: liaison.id, ip: null }, 'آمار')).token;
	});
	afterAll(async () => db.destroy());

	const queries = () => [
		'',
		`?area=${world.dowlab.areaId}`,
		`?neighborhood=${world.dowlab.neighborhoodId}&level=lower_secondary&gender=girls`
	];

	async function fromPage(query: string) {
		const url = new URL(`${ORIGIN}/coverage${query}`);
		const data = (await page.load({ locals: { user: liaison }, url } as never)) as {
			coverage: {
				report: { headline: Figures; rows: { name_fa: string; rank: number; figures: Figures }[] };
			};
		};
		const { headline, rows } = data.coverage.report;
		return {
			headline,
			rows: rows.map((r) => ({ name: r.name_fa, rank: r.rank, figures: r.figures }))
		};
	}

	/** The CSV parsed as Excel would: rank, place, then one column a measure, total last. */
	async function fromCsv(query: string) {
		const url = new URL(`${ORIGIN}/coverage/export.csv${query}`);
		const response = await csvRoute.GET({ locals: { user: liaison }, url } as never);
		const bytes = Buffer.from(await response.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [header, ...lines] = parse(bytes, { bom: true }) as string[][];
		expect(header!.slice(2)).toEqual(measureKeys.map((k) => measureLabel[k]()));
		return tableOf(lines.map((cells) => cells.map((c) => (c === '' ? null : c))));
	}

	async function fromXlsx(query: string) {
		const url = new URL(`${ORIGIN}/coverage/export.xlsx${query}`);
		const response = await xlsxRoute.GET({ locals: { user: liaison }, url } as never);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const sheet = workbook.worksheets[0]!;
		expect(sheet.views[0]?.rightToLeft).toBe(true);
		const lines: (string | number | null)[][] = [];
		sheet.eachRow((row, n) => {
			if (n > 1)
				lines.push(
					Array.from({ length: measureKeys.length + 2 }, (_, i) => {
						const value = row.getCell(i + 1).value;
						return value === null || value === undefined ? null : (value as string | number);
					})
				);
		});
		return tableOf(lines);
	}

	function tableOf(lines: (string | number | null)[][]) {
		const number = (c: string | number | null) => (c === null ? null : Number(c));
		const figures = (cells: (string | number | null)[]) =>
			Object.fromEntries(measureKeys.map((k, i) => [k, number(cells[i + 2]!)]));
		const total = lines.at(-1)!;
		expect(total[1]).toBe('جمع');
		return {
			headline: figures(total),
			rows: lines.slice(0, -1).map((cells) => ({
				name: String(cells[1]),
				rank: number(cells[0]!),
				figures: figures(cells)
			}))
		};
	}

	async function fromApi(query: string) {
		const url = new URL(`${ORIGIN}/api/v1/coverage${query}`);
		const request = new Request(url, { headers: { authorization: `Bearer ${token}` } });
		const response = await apiRoute.GET({ request, url, locals: { user: null } } as never);
		expect(response.status).toBe(200);
		const body = await response.json();
		return {
			headline: body.headline,
			rows: body.rows.map((r: { nameFa: string; rank: number; figures: Figures }) => ({
				name: r.nameFa,
				rank: r.rank,
				figures: r.figures
			}))
		};
	}

	it('gives the hand-worked numbers everywhere, for the whole district', async () => {
		for (const read of [fromPage, fromCsv, fromXlsx, fromApi]) {
			const { headline } = await read('');
			expect(headline).toEqual(EXPECTED);
		}
	});

	it('gives the same rows, ranks and totals for every view and filter', async () => {
		for (const query of queries()) {
			const shown = await fromPage(query);
			expect(await fromCsv(query), `CSV ${query}`).toEqual(shown);
			expect(await fromXlsx(query), `XLSX ${query}`).toEqual(shown);
			expect(await fromApi(query), `API ${query}`).toEqual(shown);
		}
		const dowlab = await fromCsv(`?area=${world.dowlab.areaId}`);
		expect(dowlab.rows.find((r) => r.name === 'دولاب')!.figures).toEqual(DOWLAB);
	});

	it("gives the workbook's other sheets the report's numbers", async () => {
		const url = new URL(`${ORIGIN}/coverage/export.xlsx`);
		const response = await xlsxRoute.GET({ locals: { user: liaison }, url } as never);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const [, summary, grades, topics, trend] = workbook.worksheets;
		expect(summary!.getRow(2).values).toEqual([
			undefined,
			measureLabel.neighborhoodsPaired(),
			22,
			expect.stringContaining('هم‌پیمان')
		]);
		expect(grades!.getRow(3).values).toEqual([undefined, 7, 30, 100, 0, 60]);
		const dowlabRow = topics!.getRows(2, 25)!.find((r) => r.getCell(1).value === 'دولاب')!;
		expect(dowlabRow.getCell(2).value).toBe(1);
		expect(trend!.getRow(2).values).toEqual([undefined, 'مهر ۱۴۰۵', 1, 55, 3]);
	});
});
