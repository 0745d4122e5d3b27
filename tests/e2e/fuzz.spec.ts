import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { matrix, type Role } from './authorization-matrix';
import { DEMO_PASSWORD } from './helpers';

// Property-based fuzzing of every form action and endpoint, over HTTP against the built app. Each
// POST row of the authorization matrix is sent random and near-valid forms, built from the fields
// of the real form on its page (names and option values), by every role that reaches the action:
// never a 5xx; when a form is refused (4xx) nothing is written (every write is audited, so the
// audit log must not grow); at the end every row still passes SQLite's checks. Runs last, alone,
// since it writes. FUZZ_RUNS sets the runs per action (default 6; `npm run fuzz` runs 200).

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const port = Number(process.env.E2E_PORT ?? 4173);
const databasePath = process.env.E2E_PORT
	? `test-results/run-${port}/e2e.db`
	: 'test-results/e2e.db';

const emails: Record<Exclude<Role, 'anonymous'>, string> = {
	admin: 'admin@demo.test',
	center_manager: 'manager@demo.test',
	school_staff: 'staff@demo.test',
	liaison: 'liaison@demo.test'
};
// These end the fuzzer's own session or lock its account.
const skipped = /^\/(logout|login|profile\/password)\b/;

function auditCount(): number {
	const db = new SQLite(databasePath, { readonly: true });
	try {
		return (db.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
	} finally {
		db.close();
	}
}

interface Field {
	name: string;
	options: string[];
}

/** The fields of the form that posts to `action` on the page, as the browser would send them. */
function formFields(html: string, action: string | null): Field[] {
	const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
	const form = forms.find(([, attributes]) => {
		if (!/method="post"/i.test(attributes!)) return false;
		const target = /action="([^"]*)"/.exec(attributes!)?.[1] ?? null;
		return action ? target === `?/${action}` : target === null;
	});
	if (!form) return [];
	const fields = new Map<string, Set<string>>();
	const body = form[2]!;
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

const text = fc.oneof(
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

function formArbitrary(fields: Field[]) {
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

async function contextFor(role: Role, baseURL: string): Promise<APIRequestContext> {
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

test('every form action answers random and near-valid forms without a 5xx, writing nothing when it refuses', async ({
	baseURL
}) => {
	test.setTimeout(10 * 60_000);
	const roles: Role[] = ['anonymous', 'admin', 'center_manager', 'school_staff', 'liaison'];
	const failures: string[] = [];
	for (const role of roles) {
		const context = await contextFor(role, baseURL!);
		for (const row of matrix) {
			const reached = typeof row.expect[role] === 'number' && row.expect[role] !== 404;
			if (row.method !== 'POST' || !reached || skipped.test(row.path)) continue;
			const [pagePath, action] = row.path.split('?/');
			const page = await context.get(pagePath!);
			const fields = page.ok() ? formFields(await page.text(), action ?? null) : [];
			await fc.assert(
				fc.asyncProperty(formArbitrary(fields), async (form) => {
					const before = auditCount();
					const response = await context.post(row.path, { form, maxRedirects: 0 });
					const status = response.status();
					if (status >= 500)
						failures.push(`${role} ${row.path} ${JSON.stringify(form)} → ${status}`);
					if (status >= 400 && auditCount() !== before)
						failures.push(`${role} ${row.path} ${JSON.stringify(form)} → ${status} but wrote`);
					return status < 500;
				}),
				{ numRuns: RUNS, endOnFailure: true }
			);
		}
		await context.dispose();
	}
	expect(failures).toEqual([]);

	const db = new SQLite(databasePath, { readonly: true });
	const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
	const foreignKeys = db.pragma('foreign_key_check') as unknown[];
	db.close();
	expect(integrity).toEqual([{ integrity_check: 'ok' }]);
	expect(foreignKeys).toEqual([]);
});
