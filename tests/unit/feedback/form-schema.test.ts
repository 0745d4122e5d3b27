import { afterEach, describe, expect, it } from 'vitest';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import { answerSchema, staffFeedbackSchema } from '../../../src/lib/schemas/feedback.ts';

// The participant's form: a rating from 1 to 5 is required, the rest may be skipped; the comment
// is kept as typed (Persian, emoji, marks of direction, markup as plain text) up to 500
// characters, without control characters. The staff's form: three ratings and a comment.

function post(values: Record<string, string>) {
	const body = new FormData();
	for (const [name, value] of Object.entries(values)) body.set(name, value);
	return body;
}

describe('the participant form', () => {
	afterEach(() => overwriteGetLocale(() => 'fa'));

	it('needs only the overall rating', async () => {
		const form = await superValidate(post({ overall: '4' }), zod4(answerSchema));
		expect(form.valid).toBe(true);
		expect(form.data).toMatchObject({ overall: 4, comment: '' });
		expect(form.data.learned).toBeUndefined();
		expect(form.data.would_recommend).toBeUndefined();
	});

	it('refuses a missing or impossible rating and unknown choices, in both languages', async () => {
		for (const overall of ['', '0', '6', '-2', 'five']) {
			const form = await superValidate(post({ overall }), zod4(answerSchema));
			expect([overall, form.errors.overall]).toEqual([
				overall,
				['یکی از گزینه‌های ۱ تا ۵ را انتخاب کنید.']
			]);
		}
		overwriteGetLocale(() => 'en');
		const form = await superValidate(
			post({ overall: '9', learned: 'maybe', would_recommend: 'perhaps' }),
			zod4(answerSchema)
		);
		expect(form.errors.overall).toEqual(['Choose one of the options from 1 to 5.']);
		expect(form.errors.learned).toBeTruthy();
		expect(form.errors.would_recommend).toBeTruthy();
	});

	it('keeps RTL marks, emoji and markup as typed, and drops control characters', () => {
		const typed =
			'  \u200fخوب بود 😀\u200c <img src=x onerror=alert(1)> \u202eabc\n\u0000\u001b[31m ';
		const data = answerSchema.parse({ overall: 5, comment: typed });
		expect(data.comment).toBe(
			'\u200fخوب بود 😀\u200c <img src=x onerror=alert(1)> \u202eabc\n[31m'
		);
	});

	it('takes a comment up to 500 characters and refuses a longer one', () => {
		expect(answerSchema.safeParse({ overall: 5, comment: 'ب'.repeat(500) }).success).toBe(true);
		const long = answerSchema.safeParse({ overall: 5, comment: 'ب'.repeat(501) });
		expect(long.error?.issues[0]?.message).toBe('متن باید حداکثر ۵۰۰ نویسه باشد.');
	});
});

describe('the staff form', () => {
	it('needs the three ratings, 1 to 5', async () => {
		const form = await superValidate(
			post({ version: '0', relevance: '5', facilitator: '7', comment: 'خوب' }),
			zod4(staffFeedbackSchema)
		);
		expect(form.valid).toBe(false);
		expect(Object.keys(form.errors).sort()).toEqual(['engagement', 'facilitator']);
	});

	it('takes a comment up to 1000 characters', () => {
		const base = { version: 0, relevance: 4, facilitator: 4, engagement: 3 };
		expect(staffFeedbackSchema.safeParse({ ...base, comment: 'x'.repeat(1000) }).success).toBe(
			true
		);
		expect(staffFeedbackSchema.safeParse({ ...base, comment: 'x'.repeat(1001) }).success).toBe(
			false
		);
	});
});
