import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const header =
	'ministry_code,name,level,gender,neighborhood,address,principal_name,phone,' +
	Array.from({ length: 12 }, (_, i) => `grade_${i + 1}`).join(',');

function csv(secondLevel: string): { name: string; mimeType: string; buffer: Buffer } {
	const text = [
		header,
		'14900001,دبستان آزمون مرورگر,primary,girls,فرزانه,,,,20,21,22,23,24,25,,,,,,',
		`14900002,دبیرستان آزمون مرورگر,${secondLevel},پسرانه,فرزانه,,,,,,,,,,30,31,32,,,`
	].join('\n');
	return { name: 'schools.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + text) };
}

test('an admin finds schools by a neighbourhood typed with Arabic ي and ك', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/schools');
	await expect(page.getByRole('heading', { level: 1, name: 'مدرسه‌ها' })).toBeVisible();

	await page.getByLabel('جست‌وجو').fill('دولاب');
	await page.getByRole('button', { name: 'اعمال' }).click();
	await expect(page).toHaveURL(/q=/);
	const rows = page
		.getByRole('row')
		.filter({ has: page.getByRole('cell', { name: 'دولاب', exact: true }) });
	await expect(rows.first()).toBeVisible();
	const plainCount = await page.getByRole('row').count();

	// «سرآسياب دولاب» with an Arabic yeh finds the schools of سرآسیاب دولاب.
	await page.getByLabel('جست‌وجو').fill('سرآسياب دولاب');
	await page.getByRole('button', { name: 'اعمال' }).click();
	await expect(
		page.getByRole('cell', { name: 'سرآسیاب دولاب', exact: true }).first()
	).toBeVisible();
	// The first search's rows include سرآسیاب دولاب too: wait for the new, shorter list.
	await expect.poll(() => page.getByRole('row').count()).toBeLessThan(plainCount);

	// «شكوفه» with an Arabic keheh matches «شکوفه».
	await page.getByLabel('جست‌وجو').fill('شكوفه');
	await page.getByRole('button', { name: 'اعمال' }).click();
	await expect(page.getByRole('cell', { name: 'شکوفه', exact: true }).first()).toBeVisible();
	await expect(page.getByText('مدرسه‌ای پیدا نشد.')).toHaveCount(0);

	await page
		.getByRole('row')
		.filter({ has: page.getByRole('cell', { name: 'شکوفه', exact: true }) })
		.first()
		.getByRole('link')
		.click();
	await expect(page.getByLabel('کد وزارتی')).toBeVisible();
});

test('an admin imports a CSV: sees the error row, fixes the file, imports it', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/schools/import');
	await expect(
		page.getByRole('heading', { level: 1, name: 'ورود مدرسه‌ها از فایل' })
	).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'ministry_code' })).toBeVisible();

	await page.getByLabel('فایل CSV یا XLSX').setInputFiles(csv('دانشگاه'));
	await page.getByRole('button', { name: 'بررسی فایل' }).click();
	await expect(page.getByRole('alert')).toContainText('چیزی ذخیره نشد');
	const errors = page.getByRole('table', { name: 'خطاهای فایل، به ترتیب ردیف' });
	const errorRow = errors.getByRole('row').filter({ hasText: 'level' });
	await expect(errorRow).toContainText('۳');
	await expect(errorRow).toContainText('مقطع «دانشگاه» شناخته نشد');
	await expect(page.getByRole('button', { name: 'تأیید و ذخیره' })).toHaveCount(0);

	await page.getByLabel('فایل CSV یا XLSX').setInputFiles(csv('متوسطه اول'));
	await page.getByRole('button', { name: 'بررسی فایل' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'درست است' })).toBeVisible();
	await page.getByRole('button', { name: 'تأیید و ذخیره' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'ورود انجام شد' })).toBeVisible();

	await page.goto('/schools?q=14900002');
	await expect(page.getByRole('link', { name: 'دبیرستان آزمون مرورگر' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'متوسطه اول' })).toBeVisible();
});

test('the school list downloads as CSV with a BOM and as XLSX', async ({ page }) => {
	await signIn(page, 'liaison@demo.test');
	await page.goto('/schools');
	const csvDownload = page.waitForEvent('download');
	await page.getByRole('link', { name: 'CSV' }).click();
	const file = await (await csvDownload).createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of file) chunks.push(chunk as Buffer);
	const bytes = Buffer.concat(chunks);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(bytes.toString('utf8')).toContain('ministry_code,name,level');
	const xlsxDownload = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Excel (XLSX)' }).click();
	expect((await xlsxDownload).suggestedFilename()).toBe('schools.xlsx');
});
