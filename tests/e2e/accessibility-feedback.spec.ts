import { expect, test, type Browser, type Page } from '@playwright/test';
import { localized, pageProblems } from './axe';
import { signIn } from './helpers';

// The public feedback form's notices, checked with axe and for the hardening headers in Persian
// and English, as a participant meets them (the open form is in accessibility.spec.ts). They are
// made on the demo's campaign at شاهین (campaign 3, manager2@'s, which no other browser test
// changes), through the app: a future event's form is not open yet; a future event cancelled
// after its link was printed is closed; the latest event that has started, with one person
// recorded as present, takes two answers (twice those present): the first participant is
// thanked, and a third finds it full.

const CAMPAIGN = '/campaigns/3';
const linkPattern = /\/f\/([0-9A-Za-z]{12})\b/;

/** The event's public form, made by opening its printable sheet as the app does. */
async function formPath(page: Page, eventId: string): Promise<string> {
	await page.goto(`${CAMPAIGN}/events/${eventId}/sheet`);
	const token = linkPattern.exec(await page.content())?.[1];
	expect(token, `event ${eventId}'s sheet shows its form's link`).toBeTruthy();
	return `/f/${token}`;
}

/** Event ids in the page's order, of the links whose address ends with `suffix`. */
async function eventIds(page: Page, suffix: string): Promise<string[]> {
	const hrefs = await page
		.getByRole('link')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
	const pattern = new RegExp(`^${CAMPAIGN}/events/(\\d+)${suffix}$`);
	return hrefs.flatMap((href) => pattern.exec(href)?.[1] ?? []);
}

async function participant(browser: Browser): Promise<Page> {
	return (await browser.newContext()).newPage();
}

/** The notice in Persian and English, and what is wrong on either page. */
async function noticeProblems(page: Page, path: string, fa: string, en: string) {
	const found = await pageProblems(page, path);
	await expect(page.getByRole('status')).toContainText(fa);
	found.push(...(await pageProblems(page, localized(path, 'en'))));
	await expect(page.getByRole('status')).toContainText(en);
	await expect(page.getByRole('radio')).toHaveCount(0);
	return found;
}

test("the feedback form's notices (thanks, not open yet, closed, full) are accessible and hardened", async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'manager2@demo.test');
	await page.goto(CAMPAIGN);
	const started = await eventIds(page, '/attendance');
	const future = (await eventIds(page, '/sheet')).filter((id) => !started.includes(id));
	const latest = started.at(-1);
	const [notOpen, toCancel] = future.slice(-2);
	expect(latest && notOpen && toCancel, 'a started event and two future ones').toBeTruthy();

	const notOpenPath = await formPath(page, notOpen!);
	const closedPath = await formPath(page, toCancel!);
	await page.goto(CAMPAIGN);
	const event = page.locator(`#event-${toCancel}`);
	await event.locator('summary', { hasText: 'لغو این برنامه' }).click();
	const cancel = event.locator('form[action="?/cancel"]');
	await cancel.getByLabel('دلیل').fill('آزمون دسترس‌پذیری');
	await cancel.getByRole('button', { name: 'لغو این برنامه' }).click();
	await expect(page.getByText('انجام شد.')).toBeVisible();

	await page.goto(`${CAMPAIGN}/events/${latest}/attendance`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('زنان (۱۸ سال و بیشتر)').fill('۱');
	await page.getByRole('button', { name: 'ثبت حضور' }).click();
	await expect(page.getByText('آمار حضور ذخیره شد.')).toBeVisible();
	const fullPath = await formPath(page, latest!);

	const found: string[] = [];
	for (let answer = 1; answer <= 2; answer++) {
		const phone = await participant(browser);
		await phone.goto(fullPath);
		await phone.waitForLoadState('networkidle');
		await phone
			.getByRole('group', { name: 'روی‌هم‌رفته برنامه را چطور دیدید؟' })
			.getByText('۴', { exact: true })
			.click();
		await phone.getByRole('button', { name: 'فرستادن' }).click();
		await expect(phone.getByText('سپاس! پاسخ شما رسید.')).toBeVisible();
		if (answer === 1)
			found.push(
				...(await noticeProblems(
					phone,
					fullPath,
					'سپاس! پاسخ شما رسید.',
					'Thank you! Your answer has been received.'
				))
			);
		await phone.context().close();
	}
	const visitor = await participant(browser);
	found.push(
		...(await noticeProblems(
			visitor,
			fullPath,
			'به اندازهٔ کافی پاسخ گرفته',
			'has received enough answers'
		)),
		...(await noticeProblems(visitor, notOpenPath, 'باز می‌شود', 'when the event starts')),
		...(await noticeProblems(visitor, closedPath, 'مهلت پاسخ', 'no longer takes answers'))
	);
	expect(found).toEqual([]);
});
