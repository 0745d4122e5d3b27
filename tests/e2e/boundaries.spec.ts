import SQLite from 'better-sqlite3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { toLatinDigits } from '../../src/lib/i18n/digits';
import { bowTie, gridCollection } from '../helpers/boundaries';
import { pageProblems } from './axe';
import { e2eDatabasePath, signIn } from './helpers';

// An admin uploads the outlines of District 14's neighbourhoods. A broken file (crossed outline,
// unknown name, not JSON, too large) is refused with every reason in the admin's language and
// nothing saved; a good one makes the coverage map draw shapes. At every level the map's table
// has the drill-down table's numbers. Removing the outlines brings the tiles back.

test.describe.configure({ mode: 'serial' });

const file = (name: string, content: unknown) => ({
	name,
	mimeType: 'application/geo+json',
	buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content))
});

function demo() {
	const db = new SQLite(e2eDatabasePath, { readonly: true, fileMustExist: true });
	try {
		const names = (
			db.prepare('select name_fa from neighborhoods order by id').all() as { name_fa: string }[]
		).map((n) => n.name_fa);
		const outlines = (
			db.prepare('select count(*) as n from place_boundaries').get() as { n: number }
		).n;
		return { names, outlines };
	} finally {
		db.close();
	}
}

async function upload(
	page: Page,
	level: 'محله‌ها' | 'Neighbourhoods',
	chosen: ReturnType<typeof file>
) {
	await page.getByRole('radio', { name: level }).check();
	await page.getByLabel(/پروندهٔ GeoJSON|GeoJSON file/).setInputFiles(chosen);
	await page.getByRole('button', { name: /بارگذاری مرزها|Upload outlines/ }).click();
}

test('a broken file is refused with its reasons in the admin’s language, and nothing is saved', async ({
	page
}) => {
	const { names } = demo();
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/boundaries');
	const broken = gridCollection([...names.slice(0, 23), 'تجریش', 'ونک']);
	broken.features[0]!.geometry = { type: 'Polygon', coordinates: [bowTie] };
	await upload(page, 'محله‌ها', file('district14.geojson', broken));
	await expect(page.getByText('پرونده پذیرفته نشد و چیزی ذخیره نشد.')).toBeVisible();
	const problems = page.getByRole('region', { name: /مشکل در پرونده/ }).getByRole('listitem');
	await expect(problems).toHaveText([
		`عارضهٔ ۱ («${names[0]}»): مرز خودش را قطع می‌کند.`,
		'عارضهٔ ۲۴ («تجریش»): در میان محله‌ها این منطقه چنین نامی نیست.',
		'عارضهٔ ۲۵ («ونک»): در میان محله‌ها این منطقه چنین نامی نیست.'
	]);

	await upload(page, 'محله‌ها', file('big.geojson', ' '.repeat(5 * 1024 * 1024 + 1)));
	await expect(page.getByText('پرونده بزرگ‌تر از ۵ مگابایت است.')).toBeVisible();

	await page.goto('/en/admin/boundaries');
	await upload(page, 'Neighbourhoods', file('notes.geojson', '{"type": "FeatureCollection", '));
	await expect(page.getByText('The file is not valid JSON (in UTF-8).')).toBeVisible();
	await upload(
		page,
		'Neighbourhoods',
		file('points.geojson', {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name_en: 'Dulab' },
					geometry: { type: 'Point', coordinates: [51.5, 35.6] }
				}
			]
		})
	);
	await expect(
		page.getByText('Feature 1 (“Dulab”): its geometry must be a Polygon or a MultiPolygon.')
	).toBeVisible();
	await expect(page.getByText('Neighbourhoods: 0 of 25 have an outline.')).toBeVisible();
	expect(demo().outlines).toBe(0);
});

/** The rows of a table as text, digits in Latin. */
async function rowsOf(table: Locator): Promise<string[][]> {
	return table
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()))
		)
		.then((rows) => rows.map((cells) => cells.map((c) => toLatinDigits(c))));
}

/** Each place's map numbers beside the drill-down's, by the drill-down's headings. */
async function compareTables(page: Page, level: string) {
	const drill = page
		.getByRole('region', { name: `به تفکیک ${level}`, exact: true })
		.getByRole('table');
	const headings = (await drill.locator('thead th').allTextContents()).map((h) =>
		h.replace(/[▲▼]/g, '').trim()
	);
	const column = (label: string) => headings.indexOf(label);
	const drillRows = new Map((await rowsOf(drill)).map((cells) => [cells[1]!, cells]));
	const mapTable = page.getByRole('table', { name: 'اعداد نقشه' });
	const mapRows = await rowsOf(mapTable);
	expect(mapRows.length).toBe(drillRows.size);
	for (const [name, share, held, reached] of mapRows) {
		const row = drillRows.get(name!)!;
		expect(row, name).toBeTruthy();
		const paired = row[column('محله‌های هم‌پیمان')];
		const total = row[column('همهٔ محله‌ها')];
		expect(share).toBe(
			`${paired} از ${total} (${Math.round((100 * Number(paired)) / Number(total))}٪)`
		);
		expect(held).toBe(row[column('جلسه‌های برگزارشده')]);
		expect(reached).toBe(row[column('دانش‌آموزان حاضر')]);
	}
	// Each place on the map says the same as its row of the map's table.
	const places = page.locator('figure svg a');
	expect(await places.count()).toBe(mapRows.length);
	for (const [name, share] of mapRows) {
		const percent = /\((\d+)٪\)/.exec(share!)![1];
		await expect(
			page.locator(`figure svg a[aria-label="${toPersian(name!)} ${toPersian(percent!)}٪"]`)
		).toHaveCount(1);
	}
}

const toPersian = (digits: string) => digits.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

test('a good file draws shapes, the map agrees with the table at every level, and removing it brings tiles back', async ({
	page
}) => {
	test.setTimeout(120_000);
	const { names } = demo();
	await signIn(page, 'admin@demo.test');
	await page.goto('/coverage?view=neighborhood');
	await expect(page.locator('figure svg a rect')).toHaveCount(25);

	await page.goto('/admin/boundaries');
	await upload(page, 'محله‌ها', file('district14.geojson', gridCollection(names)));
	await expect(page.getByText('مرز ۲۵ جا ذخیره شد.')).toBeVisible();
	await expect(page.getByText('محله‌ها: ۲۵ از ۲۵ مرز دارند.')).toBeVisible();

	await page.goto('/coverage?view=neighborhood');
	await expect(page.locator('figure svg a path')).toHaveCount(25);
	await expect(page.locator('figure svg a rect')).toHaveCount(0);
	await compareTables(page, 'محله');
	// The map of shapes is as accessible as the tiles (the sweep checks those), in both languages.
	expect([
		...(await pageProblems(page, '/coverage?view=neighborhood&map=studentsReached')),
		...(await pageProblems(page, '/en/coverage?view=neighborhood'))
	]).toEqual([]);
	await page.goto('/coverage?view=area');
	await compareTables(page, 'ناحیه');
	await page.goto('/coverage?view=district');
	await compareTables(page, 'منطقه');

	// Coloured by another measure, each place links into its drill-down.
	await page.goto('/coverage?view=neighborhood');
	await page.getByRole('link', { name: 'جلسه‌های برگزارشده', exact: true }).first().click();
	await expect(page).toHaveURL(/map=sessionsHeld/);
	await page.locator('figure svg a[aria-label^="دولاب "]').click();
	await expect(page.getByRole('region', { name: 'به تفکیک مدرسه' })).toBeVisible();

	await page.goto('/admin/boundaries');
	await page.getByRole('button', { name: 'حذف مرزهای محله‌ها' }).click();
	await expect(page.getByText(/مرزهای محله‌ها حذف شد/)).toBeVisible();
	await page.goto('/coverage?view=neighborhood');
	await expect(page.locator('figure svg a rect')).toHaveCount(25);
});
