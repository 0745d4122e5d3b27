import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import { proposalSchema } from '../../../src/lib/schemas/bell-sessions.ts';
import { newCampaignSchema } from '../../../src/lib/schemas/campaigns.ts';
import { profileSchema, signInSchema } from '../../../src/lib/schemas/users.ts';
import type { z } from '../../../src/lib/schemas/z.ts';

// A check with no message of its own still answers in the user's language, with the reason:
// too long says how long it may be, empty says it is needed, anything else says it was not taken.

function messageOf(schema: z.ZodType, data: unknown, field: string): string | undefined {
	const result = schema.safeParse(data);
	return result.error?.issues.find((issue) => issue.path[0] === field)?.message;
}

describe('messages of checks without their own', () => {
	afterEach(() => overwriteGetLocale(() => 'fa'));

	it('a text too long says its limit, in Persian and English', () => {
		const email = `${'a'.repeat(300)}@x.test`;
		overwriteGetLocale(() => 'fa');
		expect(messageOf(signInSchema, { email, password: 'x' }, 'email')).toBe(
			'باید حداکثر ۲۵۴ نویسه باشد.'
		);
		expect(messageOf(proposalSchema, { location: 'ب'.repeat(201) }, 'location')).toBe(
			'باید حداکثر ۲۰۰ نویسه باشد.'
		);
		expect(messageOf(profileSchema, { display_name: 'x'.repeat(101) }, 'display_name')).toBe(
			'باید حداکثر ۱۰۰ نویسه باشد.'
		);
		overwriteGetLocale(() => 'en');
		expect(messageOf(signInSchema, { email, password: 'x' }, 'email')).toBe(
			'Must be at most 254 characters.'
		);
		expect(messageOf(proposalSchema, { location: 'b'.repeat(201) }, 'location')).toBe(
			'Must be at most 200 characters.'
		);
	});

	it('an empty or missing field is required; an impossible value is not accepted', () => {
		overwriteGetLocale(() => 'fa');
		expect(messageOf(signInSchema, { email: '', password: 'x' }, 'email')).toBe(
			'این بخش را پر کنید.'
		);
		expect(messageOf(signInSchema, { email: 'a@b.test' }, 'password')).toBe('این بخش را پر کنید.');
		expect(messageOf(newCampaignSchema, { weekday: 9 }, 'weekday')).toBe(
			'این مقدار پذیرفتنی نیست؛ آن را از نو وارد کنید.'
		);
		overwriteGetLocale(() => 'en');
		expect(messageOf(newCampaignSchema, { weekday: 9 }, 'weekday')).toBe(
			'This value is not accepted; enter it again.'
		);
	});
});
