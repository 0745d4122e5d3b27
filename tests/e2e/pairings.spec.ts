import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// One test, in order: it pairs شهرابی on the shared demo database, then relies on دولاب's pairing.
// Another test may make a new school year current for a moment, so this one names its year: the
// latest in which دولاب has a school (the demo's current year), read from دولاب's history.

function rowOf(page: Page, neighborhood: string) {
	return page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: neighborhood, exact: true }) });
}

test('an admin pairs an unpaired neighbourhood, and is refused a school already paired', async ({
	page
}) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/pairings');
	await rowOf(page, 'دولاب').getByRole('link', { name: 'دولاب', exact: true }).click();
	const history = page.getByRole('region', { name: 'سابقهٔ هم‌پیمانی این محله' });
	const pairedYear = history
		.getByRole('row')
		.filter({ has: page.getByRole('link') })
		.filter({ hasNotText: 'بدون مدرسه' })
		.first();
	const href = (await pairedYear.getByRole('link').getAttribute('href'))!;
	const year = new URL(href, 'http://localhost').searchParams.get('year');
	expect(year).toMatch(/^\d+$/);

	await page.goto(`/pairings?year=${year}`);
	await expect(page.getByRole('heading', { level: 1, name: 'هر محله یک مدرسه' })).toBeVisible();
	await expect(rowOf(page, 'شهرابی').getByText('بدون مدرسه')).toBeVisible();

	// Pair شهرابی with a school of its own area that no neighbourhood has this year.
	await rowOf(page, 'شهرابی').getByRole('link', { name: 'شهرابی', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'شهرابی' })).toBeVisible();
	const schoolSelect = page.getByLabel('مدرسه', { exact: true });
	const freeSchool = schoolSelect
		.locator('optgroup[label="ناحیه ۶، هنوز بی‌محله"] > option')
		.first();
	const schoolName = (await freeSchool.textContent())!.trim();
	await schoolSelect.selectOption((await freeSchool.getAttribute('value'))!);
	await page.getByRole('button', { name: 'هم‌پیمان کن' }).click();
	await expect(page.getByRole('status')).toHaveText(`محلهٔ شهرابی با ${schoolName} هم‌پیمان شد.`);
	await expect(page.getByText(`هم‌پیمان با ${schoolName}`)).toBeVisible();

	// The pairing page shows it, in Persian and in English.
	await page.goto(`/pairings?year=${year}`);
	await expect(rowOf(page, 'شهرابی')).toContainText(schoolName);
	await expect(rowOf(page, 'شهرابی').getByText('بدون مدرسه')).toHaveCount(0);
	await page.goto(`/en/pairings?year=${year}`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'One school per neighbourhood' })
	).toBeVisible();
	await expect(rowOf(page, 'Shahrabi')).toContainText(schoolName);
	await expect(rowOf(page, 'Shahrabi').getByText('Unpaired')).toHaveCount(0);

	// مینایی جنوبی cannot have the school دولاب has this year.
	await page.goto(`/pairings?year=${year}`);
	await rowOf(page, 'مینایی جنوبی')
		.getByRole('link', { name: 'مینایی جنوبی', exact: true })
		.click();
	const taken = page
		.getByLabel('مدرسه', { exact: true })
		.locator('option', { hasText: /— هم‌پیمان با دولاب$/ });
	await page
		.getByLabel('مدرسه', { exact: true })
		.selectOption((await taken.getAttribute('value'))!);
	await page.getByRole('button', { name: 'هم‌پیمان کن' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		/^این مدرسه در این سال تحصیلی \(.+\) با محلهٔ دولاب هم‌پیمان است\.$/
	);
	await expect(page.getByText('این محله در این سال تحصیلی مدرسهٔ هم‌پیمانی ندارد.')).toBeVisible();

	// The same refusal in English.
	await page.goto(page.url().replace(/^(https?:\/\/[^/]+)\//, '$1/en/'));
	const takenEn = page.getByLabel('School', { exact: true }).locator('option', {
		hasText: /— paired with Dulab$/
	});
	await page
		.getByLabel('School', { exact: true })
		.selectOption((await takenEn.getAttribute('value'))!);
	await page.getByRole('button', { name: 'Pair', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText(
		/^This school is already paired with Dulab this school year \(.+\)\.$/
	);
	await page.goto(`/en/pairings?year=${year}&unpaired=1`);
	await expect(rowOf(page, 'Minaei-ye Jonubi').getByText('Unpaired')).toBeVisible();
	await expect(rowOf(page, 'Shahrabi')).toHaveCount(0);
});
