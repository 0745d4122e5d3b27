import { parseDate } from '@internationalized/date';
import { expect, test, type Page } from '@playwright/test';
import { toJalali } from '../../src/lib/i18n/jalali';
import { DEMO_PASSWORD } from './helpers';

// Forms used with the keyboard alone: Tab to each field, type or use the arrow keys, Enter to send.

/** Presses Tab until the focused element matches; fails after 60 presses. */
async function tabTo(page: Page, name: string, value?: string): Promise<void> {
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLInputElement | null;
			return { name: el?.getAttribute('name') ?? '', value: el?.value ?? '' };
		});
		if (focused.name === name && (value === undefined || focused.value === value)) return;
	}
	throw new Error(`Tab never reached ${name}${value ? `=${value}` : ''}`);
}

async function signInByKeyboard(page: Page, email: string): Promise<void> {
	await page.goto('/login');
	await page.waitForLoadState('networkidle');
	await tabTo(page, 'email');
	await page.keyboard.type(email);
	await tabTo(page, 'password');
	await page.keyboard.type(DEMO_PASSWORD);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'خروج' })).toBeVisible();
}

test('signing in with the keyboard alone', async ({ page }) => {
	await signInByKeyboard(page, 'liaison@demo.test');
});

test('proposing a session with the keyboard alone', async ({ page }) => {
	await signInByKeyboard(page, 'manager@demo.test');
	await page.goto('/sessions/new');
	await page.waitForLoadState('networkidle');
	await tabTo(page, 'topic_id');
	await page.keyboard.press('ArrowDown');
	await tabTo(page, 'facilitator_id');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await tabTo(page, 'grades', '9');
	await page.keyboard.press('Space');
	await tabTo(page, 'expected_headcount');
	await page.keyboard.type('۳۰');
	await tabTo(page, 'start_time');
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('07:30');
	await tabTo(page, 'duration_minutes');
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('30');
	// A closed day is refused with its reason; the next day is typed in its place.
	const today = parseDate(new Date().toISOString().slice(0, 10));
	for (let offset = 50; offset < 64; offset++) {
		const { year, month, day } = toJalali(today.add({ days: offset }).toString());
		await page.getByLabel('تاریخ', { exact: true }).focus();
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type(`${year}/${month}/${day}`);
		await page.keyboard.press('Enter');
		const sent = page.getByText('پیشنهاد برای مدرسه فرستاده شد.');
		await expect(sent.or(page.locator('.error').first())).toBeVisible();
		if (await sent.isVisible()) return;
	}
	throw new Error('No open day for the proposal.');
});

test('correcting recorded attendance with the keyboard alone', async ({ page }) => {
	// The demo's session 8 is held at دولاب with attendance recorded; staff@ corrects it.
	await signInByKeyboard(page, 'staff@demo.test');
	await page.goto('/sessions/8/attendance');
	await page.waitForLoadState('networkidle');
	await tabTo(page, 'teachers');
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('۳');
	await page.keyboard.press('Enter');
	await expect(page.getByText('آمار حضور ذخیره شد.')).toBeVisible();
	await expect(page.getByLabel('معلمان و کارکنان')).toHaveValue(/^(۳|3)$/);
});
