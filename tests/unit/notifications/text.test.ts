import { describe, expect, it } from 'vitest';
import type { BellSessionEvent } from '../../../src/lib/server/db/schema.ts';
import {
	notificationText,
	sessionStatusText
} from '../../../src/routes/inbox/notification-text.ts';

// The sentence is composed when shown, in the reader's language, from the session's current data.

const facts = {
	topic_fa: 'اعتیاد',
	topic_en: 'Addiction',
	date: '2026-12-01',
	start_time: '08:00'
};
const events: BellSessionEvent[] = [
	'proposed',
	'confirmed',
	'counter_proposed',
	'declined',
	'accepted',
	'rescheduled',
	'moved',
	'cancelled'
];

describe('the text of a notification', () => {
	it('reads in Persian with the Jalali date and Persian digits', () => {
		expect(notificationText({ ...facts, event: 'confirmed' }, 'fa')).toBe(
			'مدرسه جلسهٔ «اعتیاد» در ۱۰ آذر ۱۴۰۵، ساعت ۰۸:۰۰ را تأیید کرد'
		);
	});

	it('reads in English with the Gregorian date', () => {
		expect(notificationText({ ...facts, event: 'cancelled' }, 'en')).toBe(
			'The “Addiction” session on 1 December 2026 at 08:00 was cancelled'
		);
	});

	it('tells every event apart, in both languages', () => {
		for (const locale of ['fa', 'en'] as const) {
			const texts = events.map((event) => notificationText({ ...facts, event }, locale));
			expect(new Set(texts).size).toBe(events.length);
			for (const text of texts) expect(text).toContain(locale === 'fa' ? '۱۴۰۵' : '2026');
		}
	});

	it('says what the session is now', () => {
		expect(sessionStatusText('cancelled', 'fa')).toBe('وضعیت کنونی جلسه: لغوشده');
		expect(sessionStatusText('confirmed', 'en')).toBe('Session now: Confirmed');
	});
});
