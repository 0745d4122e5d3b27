import fc from 'fast-check';
import { expect, request, type APIRequestContext } from '@playwright/test';
import type { Role } from '../authorization-matrix';
import { DEMO_PASSWORD } from '../helpers';

// The fuzzer's forms: the fields of the real form on a page, filled with valid choices mixed with
// hostile text, and the HTTP clients it sends them with.

export const emails: Record<Exclude<Role, 'anonymous'>, string> = {
	admin: 'admin@demo.test',
	center_manager: 'manager@demo.test',
	school_staff: 'staff@demo.test',
	liaison: 'liaison@demo.test'
};

export interface Field {
	name: string;
	options: string[];
}

/** The fields of the form that posts to `action` on the page, as the browser would send them. */
export function formFields(html: string, action: string | null): Field[] {
	const form = formsIn(html).find(([, attributes]) => {
		if (!/method="post"/i.test(attributes!)) return false;
		const target = /action="([^"]*)"/.exec(attributes!)?.[1] ?? null;
		return action ? target === `?/${action}` : target === null;
	});
	return form ? fieldsIn(form[2]!) : [];
}

/** The fields of the page's GET forms (its filters), as the browser would send them. */
export function filterFields(html: string): Field[] {
	const forms = formsIn(html).filter(([, attributes]) => /method="get"/i.test(attributes!));
	return fieldsIn(forms.map((form) => form[2]!).join(''));
}

const formsIn = (html: string) => [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];

function fieldsIn(body: string): Field[] {
	const fields = new Map<string, Set<string>>();
	for (const [tag] of body.matchAll(/<(input|textarea)\b[^>]*>/g)) {
		const name = /\sname="([^"]+)"/.exec(tag)?.[1];
		if (!name) continue;
		const value = /\svalue="([^"]*)"/.exec(tag)?.[1];
		const set = fields.get(name) ?? new Set<string>();
		if (value !== undefined) set.add(value);
		fields.set(name, set);
	}
	for (const [, attributes, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
		const name = /name="([^"]+)"/.exec(attributes!)?.[1];
		if (!name) continue;
		const values = [...options!.matchAll(/<option[^>]*value="([^"]*)"/g)].map((m) => m[1]!);
		fields.set(name, new Set(values));
	}
	return [...fields].map(([name, options]) => ({ name, options: [...options] }));
}

export const text = fc.oneof(
	fc.constantFrom('', ' ', '0', '-1', '1.5', '۱۲', '۱۴۰۵/۰۹/۱۰', '1405/12/30', '08:30', '۰۸:۳۰'),
	fc.constantFrom(
		'99999999999999999999',
		'NaN',
		'null',
		'<script>alert(1)</script>',
		'\u202e\u200f'
	),
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	fc.constant('ب'.repeat(5000))
);

/** Any field may be left out or hold hostile text; up to two unknown fields are added. */
export function formArbitrary(fields: Field[]): fc.Arbitrary<Record<string, string>> {
	const entries = fields.map((field) => {
		const value = field.options.length
			? fc.oneof(
					{ weight: 3, arbitrary: fc.constantFrom(...field.options) },
					{ weight: 1, arbitrary: text }
				)
			: text;
		return [field.name, fc.option(value, { nil: undefined, freq: 6 })] as const;
	});
	const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), text, { maxKeys: 2 });
	return fc.tuple(fc.record(Object.fromEntries(entries)), extra).map(([known, more]) => {
		const form: Record<string, string> = {};
		for (const [name, value] of Object.entries({ ...more, ...known }))
			if (typeof value === 'string') form[name] = value;
		return form;
	});
}

/** What a signed-in client carries: its session cookie. */
export type Session = Awaited<ReturnType<APIRequestContext['storageState']>>;

/** A client that posts like a browser on the app's own pages, signed in as `role`. */
export async function contextFor(role: Role, baseURL: string): Promise<APIRequestContext> {
	const context = await request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL, accept: 'text/html' }
	});
	if (role !== 'anonymous') {
		const response = await context.post('/login', {
			form: { email: emails[role], password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
	}
	return context;
}

/** What each role's client carries once signed in (none for anonymous). */
export async function sessionsOf(roles: Role[], baseURL: string): Promise<Map<Role, Session>> {
	const sessions = new Map<Role, Session>();
	for (const role of roles) {
		const context = await contextFor(role, baseURL);
		sessions.set(role, await context.storageState());
		await context.dispose();
	}
	return sessions;
}
