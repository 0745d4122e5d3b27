import { parse } from 'csv-parse/sync';
import { expect, test, type Locator } from '@playwright/test';
import { toLatinDigits } from '../../src/lib/i18n/digits';
import { signIn } from './helpers';

// liaison@ reads coverage in Persian, drills down from the areas to دولاب, keeps girls'
// lower-secondary schools, and downloads that view as CSV: the file holds the numbers the page
// shows, row by row and in total.

/** A cell as the page shows it: Persian digits and separators, or a dash for a blank. */
function valueOf(text: string): number | null {
	if (text.includes('—')) return null;
	const latin = toLatinDigits(text)
		.replace(/[٬,\s]/g, '')
		.replace('٫', '.');
	return latin === '' ? null : Number(latin);
}

async function tableRows(table: Locator): Promise<(string | number | null)[][]> {
	const rows = table.locator('tbody tr, tfoot tr').filter({ has: table.page().locator('th') });
	const result: (string | number | null)[][] = [];
	for (const row of await rows.all()) {
		const cells = await row.locator('td, th').allTextContents();
		result.push([valueOf(cells[0]!), cells[1]!.trim(), ...cells.slice(2).map(valueOf)]);
	}
	return result;
}

test('a liaison drills down to a neighbourhood, filters it, and downloads what is shown', async ({
	page
}) => {
	await signIn(page, 'liaison@demo.test');
	await page.goto('/coverage');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1, name: 'پوشش برنامه' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'پوشش موضوعی' })).toBeVisible();
	await expect(page.getByRole('img', { name: /نمودار میله‌ای/ })).toBeVisible();

	const byArea = page.getByRole('region', { name: 'به تفکیک ناحیه' });
	await byArea.getByRole('link', { name: 'ناحیه ۳', exact: true }).click();
	const byNeighborhood = page.getByRole('region', { name: 'به تفکیک محله' });
	await byNeighborhood.getByRole('link', { name: 'دولاب', exact: true }).click();
	const bySchool = page.getByRole('region', { name: 'به تفکیک مدرسه' });
	await expect(bySchool).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'جایگاه در گزارش' }).locator('[aria-current="page"]')
	).toHaveText('دولاب');

	// Choices made before the page is hydrated would be reset by it.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('دوره', { exact: true }).selectOption({ label: 'متوسطه اول' });
	await page.getByLabel('جنسیت مدرسه').selectOption({ label: 'دخترانه' });
	await page.getByRole('button', { name: 'اعمال' }).click();
	await expect(page).toHaveURL(/level=lower_secondary/);
	await expect(page).toHaveURL(/gender=girls/);
	await expect(page.getByLabel('محله', { exact: true })).toHaveValue(/\d+/);

	const table = page.getByRole('region', { name: 'به تفکیک مدرسه' }).getByRole('table');
	const shown = await tableRows(table);
	const headings = (await table.locator('thead th').allTextContents()).map((h) =>
		h.replace(/[▲▼]/g, '').trim()
	);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'CSV', exact: true }).click();
	const chunks: Buffer[] = [];
	for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
	const bytes = Buffer.concat(chunks);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const [header, ...lines] = parse(bytes, { bom: true }) as string[][];
	expect(header).toEqual(headings);
	const inFile = lines.map((cells) => [
		cells[0] === '' ? null : Number(cells[0]),
		cells[1]!,
		...cells.slice(2).map((c) => (c === '' ? null : Number(c)))
	]);
	expect(inFile).toEqual(shown);
	expect(inFile.at(-1)![1]).toBe('جمع');
});
