import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// Each test puts the demo data back as it found it: other tests rely on «دولاب»/«Dulab», on the
// areas of the neighbourhoods they use and on ۱۴۰۵–۱۴۰۶ being the current school year. In
// order, so that no test here sees another's change half-way.
test.describe.configure({ mode: 'serial' });

async function saveNeighborhood(page: Page, saved: string) {
	await page.getByRole('button', { name: saved === 'Saved.' ? 'Save' : 'ذخیره' }).click();
	await expect(page.getByRole('status').filter({ hasText: saved })).toBeVisible();
}

test('an admin renames a neighbourhood in English and sees it in /en/directory', async ({
	page
}) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/directory');
	await page.getByRole('link', { name: 'ویرایش شکیب' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'شکیب' })).toBeVisible();
	await page.getByLabel('نام انگلیسی').fill('Shakib Quarter');
	await saveNeighborhood(page, 'ذخیره شد.');

	await page.goto('/en/directory');
	await expect(page.getByRole('heading', { name: 'Shakib Quarter', exact: true })).toBeVisible();
	await page.getByLabel('Search').fill('shakib quarter');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page.getByRole('article')).toHaveCount(1);

	await page.getByRole('link', { name: 'Edit Shakib Quarter' }).click();
	await page.getByLabel('English name').fill('Shakib');
	await saveNeighborhood(page, 'Saved.');
	await page.goto('/en/directory');
	await expect(page.getByRole('heading', { name: 'Shakib', exact: true })).toBeVisible();
});

test('an admin moves a neighbourhood to another area', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/directory');
	await page.getByRole('link', { name: 'ویرایش شیوا' }).click();
	await expect(page).toHaveURL(/\/directory\/neighborhoods\/\d+$/);
	const area = page.getByLabel('ناحیه', { exact: true });
	const original = await area.inputValue();
	const target = (await area.locator('option', { hasText: 'ناحیه ۶' }).getAttribute('value'))!;
	expect(target).not.toBe(original);
	await area.selectOption(target);
	await saveNeighborhood(page, 'ذخیره شد.');

	await page.goto('/directory');
	await page.getByLabel('ناحیه', { exact: true }).selectOption({ label: 'ناحیه ۶' });
	await page.getByRole('button', { name: 'اعمال' }).click();
	await expect(page.getByRole('heading', { name: 'ناحیه ۶', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'شیوا', exact: true })).toBeVisible();

	await page.getByRole('link', { name: 'ویرایش شیوا' }).click();
	await expect(page).toHaveURL(/\/directory\/neighborhoods\/\d+$/);
	await page.getByLabel('ناحیه', { exact: true }).selectOption(original);
	await saveNeighborhood(page, 'ذخیره شد.');
});

test('an admin adds school year ۱۴۰۶–۱۴۰۷, makes it current, then ۱۴۰۵–۱۴۰۶ again', async ({
	page
}) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/school-years');
	await page.getByLabel('سال آغاز (هجری شمسی)').fill('۱۴۰۶');
	await page.getByRole('button', { name: 'افزودن' }).click();
	await expect(page.getByText('سال تحصیلی ۱۴۰۶–۱۴۰۷ افزوده شد.')).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: '۱۴۰۶–۱۴۰۷' });
	await expect(row).toContainText('۱ مهر ۱۴۰۶');
	await expect(row).toContainText('۳۱ شهریور ۱۴۰۷');

	// The same year again is refused, with a clear message.
	await page.getByLabel('سال آغاز (هجری شمسی)').fill('1406');
	await page.getByRole('button', { name: 'افزودن' }).click();
	await expect(page.getByText('سال تحصیلی ۱۴۰۶–۱۴۰۷ پیش‌تر ثبت شده است.')).toBeVisible();

	await row.getByRole('button', { name: /جاری شود/ }).click();
	await expect(page.getByText('۱۴۰۶–۱۴۰۷ سال تحصیلی جاری شد.')).toBeVisible();
	await expect(row).toContainText('سال جاری');

	const demoYear = page.getByRole('row').filter({ hasText: '۱۴۰۵–۱۴۰۶' });
	await demoYear.getByRole('button', { name: /جاری شود/ }).click();
	await expect(page.getByText('۱۴۰۵–۱۴۰۶ سال تحصیلی جاری شد.')).toBeVisible();
	await expect(demoYear).toContainText('سال جاری');
	await expect(row).not.toContainText('سال جاری');
});

test('others read the school years but cannot change them', async ({ page }) => {
	await signIn(page, 'manager@demo.test');
	await page.goto('/school-years');
	await expect(page.getByRole('row').filter({ hasText: '۱۴۰۵–۱۴۰۶' })).toContainText('سال جاری');
	await expect(page.getByRole('button', { name: /جاری شود/ })).toHaveCount(0);
	await expect(page.getByLabel('سال آغاز (هجری شمسی)')).toHaveCount(0);
	const response = await page.goto('/directory/neighborhoods/12');
	expect(response?.status()).toBe(404);
});
