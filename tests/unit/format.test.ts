import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatMonthYear,
	formatCappedCount,
	formatNumber,
	formatTime
} from '../../src/lib/i18n/format.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import { dateErrorMessage } from '../../src/lib/i18n/date-errors.ts';

describe('date formatting', () => {
	it('shows Persian dates in the Solar Hijri calendar with Persian digits', () => {
		expect(formatDate('2026-11-26', 'long', 'fa')).toBe('۵ آذر ۱۴۰۵');
		expect(formatDate('2026-11-26', 'full', 'fa')).toBe('پنجشنبه ۵ آذر ۱۴۰۵');
		expect(formatDate('2026-11-26', 'short', 'fa')).toBe('۱۴۰۵/۹/۵');
		expect(formatMonthYear('2026-11-26', 'fa')).toBe('آذر ۱۴۰۵');
	});

	it('shows English dates in the Gregorian calendar', () => {
		expect(formatDate('2026-11-26', 'long', 'en')).toBe('26 November 2026');
		expect(formatDate('2026-11-26', 'full', 'en')).toBe('Thursday, 26 November 2026');
		expect(formatMonthYear('2026-11-26', 'en')).toBe('November 2026');
	});

	it('formats Nowruz and Esfand 30 of a leap year', () => {
		expect(formatDate('2026-03-21', 'long', 'fa')).toBe('۱ فروردین ۱۴۰۵');
		expect(formatDate('2025-03-20', 'long', 'fa')).toBe('۳۰ اسفند ۱۴۰۳');
	});

	it('shows instants in Tehran time (UTC+03:30)', () => {
		expect(formatTime('2026-11-26T05:00:00Z', 'fa')).toBe('۰۸:۳۰');
		expect(formatTime('2026-11-26T05:00:00Z', 'en')).toBe('08:30');
		// 21:00 UTC is already the next day in Tehran.
		expect(formatDateTime('2026-11-25T21:00:00Z', 'en')).toBe('26 November 2026 at 00:30');
	});

	it('formats numbers with the digits of the language', () => {
		expect(formatNumber(12345, 'fa')).toBe('۱۲٬۳۴۵');
		expect(formatNumber(12345, 'en')).toBe('12,345');
	});
});

describe('capped counts', () => {
	it('say the number up to the cap and "more than" the cap beyond it, in both languages', () => {
		expect(formatCappedCount(12, undefined, 'fa')).toBe('۱۲');
		expect(formatCappedCount(1000, undefined, 'en')).toBe('1,000');
		expect(formatCappedCount(1001, undefined, 'fa')).toBe('بیش از ۱٬۰۰۰');
		expect(formatCappedCount(1001, undefined, 'en')).toBe('more than 1,000');
		expect(formatCappedCount(1500, 1500, 'en')).toBe('1,500');
		expect(formatCappedCount(1501, 1500, 'fa')).toBe('بیش از ۱٬۵۰۰');
	});
});

describe('date error messages', () => {
	it('explain a refused date in both languages', () => {
		expect(dateErrorMessage('date_format', 'fa')).toBe(
			'تاریخ را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۵/۰۹/۰۵.'
		);
		expect(dateErrorMessage('date_format', 'en')).toBe(
			'Write the date as year/month/day, for example 1405/09/05.'
		);
		expect(dateErrorMessage('date_nonexistent', 'fa')).toBe(
			m.date_nonexistent({}, { locale: 'fa' })
		);
		expect(dateErrorMessage('date_nonexistent', 'en')).toBe(
			'That day does not exist in the calendar.'
		);
	});
});
