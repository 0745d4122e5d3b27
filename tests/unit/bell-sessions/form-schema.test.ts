import { describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import { proposalDateOf, proposalSchema } from '../../../src/lib/schemas/bell-sessions.ts';

const valid = {
	neighborhood_id: 1,
	topic_id: 3,
	facilitator_id: 4,
	audience: 'students',
	grades: [7, 8],
	expected_headcount: '۴۰',
	date: '۱۴۰۵/۰۹/۱۰',
	start_time: '۰۸:۳۰',
	duration_minutes: '45'
};

function messages(values: Record<string, unknown>): Record<string, string> {
	const result = proposalSchema.safeParse({ ...valid, ...values });
	if (result.success) return {};
	return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the proposal form', () => {
	it('reads Jalali dates and times with Persian digits', () => {
		const data = proposalSchema.parse(valid);
		expect(data.start_time).toBe('08:30');
		expect(data.expected_headcount).toBe('40');
		expect(proposalDateOf(data)).toBe('2026-12-01');
		expect(data.location).toBe('');
	});

	it('explains each mistake in Persian and in English', () => {
		const wrong = {
			start_time: '8.30',
			duration_minutes: '500',
			expected_headcount: '0',
			grades: []
		};
		overwriteGetLocale(() => 'en');
		expect(messages(wrong)).toMatchObject({
			start_time: 'Write the start time as hours:minutes, for example 08:30.',
			duration_minutes: 'The duration must be between 15 and 240 minutes.',
			expected_headcount: 'The expected headcount must be a whole number from 1 to 2000.'
		});
		expect(messages({ grades: [] }).grades).toBe('Choose the grades of the students taking part.');
		expect(messages({ audience: 'teachers' }).grades).toMatch(/only given/);
		expect(messages({ audience: 'everyone' }).audience).toBe('Choose the audience.');
		overwriteGetLocale(() => 'fa');
		expect(messages(wrong)).toMatchObject({
			start_time: 'ساعت شروع را به شکل ساعت:دقیقه بنویسید، مثلاً ۰۸:۳۰.',
			duration_minutes: 'مدت باید بین ۱۵ تا ۲۴۰ دقیقه باشد.'
		});
		expect(messages({ grades: [] }).grades).toMatch(/پایه‌های تحصیلی/);
		expect(messages({ date: '1405/12/30' }).date).toBeTruthy();
	});
});
