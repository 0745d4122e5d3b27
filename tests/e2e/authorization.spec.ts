import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, request, test } from '@playwright/test';
import { matrix, type Outcome, type Role } from './authorization-matrix';
import { servedHeaderProblems } from '../helpers/hardening-headers';
import { DEMO_PASSWORD } from './helpers';

const accounts: Record<Exclude<Role, 'anonymous'>, string> = {
	admin: 'admin@demo.test',
	center_manager: 'manager@demo.test',
	school_staff: 'staff@demo.test',
	liaison: 'liaison@demo.test'
};

/** Every route in src/routes with the methods it answers: GET for pages, POST for actions. */
function discoverRoutes(dir = 'src/routes', prefix = ''): { route: string; method: string }[] {
	const found: { route: string; method: string }[] = [];
	const entries = readdirSync(dir, { withFileTypes: true });
	const route = prefix || '/';
	for (const entry of entries) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
			found.push(...discoverRoutes(path, prefix + segment));
		} else if (entry.name === '+page.svelte') {
			found.push({ route, method: 'GET' });
		} else if (
			entry.name === '+page.server.ts' &&
			/export const actions/.test(readFileSync(path, 'utf8'))
		) {
			found.push({ route, method: 'POST' });
		} else if (entry.name === '+server.ts') {
			for (const [, method] of readFileSync(path, 'utf8').matchAll(
				/export const (GET|POST|PUT|PATCH|DELETE)\b/g
			))
				found.push({ route, method: method! });
		}
	}
	return found;
}

test('every route is in the authorization matrix', () => {
	const missing = discoverRoutes().filter(
		({ route, method }) => !matrix.some((row) => row.route === route && row.method === method)
	);
	expect(missing).toEqual([]);
});

const roles: Role[] = ['anonymous', 'admin', 'center_manager', 'school_staff', 'liaison'];

function describeOutcome(status: number, location: string | null): Outcome {
	if (status === 303 || status === 302) return location?.includes('/login') ? 'login' : 'redirect';
	return status;
}

// Every answer also carries the hardening headers, and every page among them its policy.
for (const role of roles) {
	test(`every route answers ${role} as the matrix says, with the hardening headers`, async ({
		baseURL
	}) => {
		const context = await request.newContext({
			baseURL,
			extraHTTPHeaders: { origin: baseURL!, accept: 'text/html' }
		});
		if (role !== 'anonymous') {
			const response = await context.post('/login', {
				form: { email: accounts[role], password: DEMO_PASSWORD },
				maxRedirects: 0
			});
			expect(response.status()).toBe(303);
		}
		const answers: string[] = [];
		const expected: string[] = [];
		const headerProblems: string[] = [];
		for (const row of matrix) {
			const response =
				row.method === 'GET'
					? await context.get(row.path, { maxRedirects: 0 })
					: await context.post(row.path, { form: row.form ?? {}, maxRedirects: 0 });
			const outcome = describeOutcome(response.status(), response.headers()['location'] ?? null);
			answers.push(`${row.method} ${row.path} → ${outcome}`);
			expected.push(`${row.method} ${row.path} → ${row.expect[role]}`);
			headerProblems.push(...servedHeaderProblems(response.headers(), `${row.method} ${row.path}`));
		}
		expect(answers).toEqual(expected);
		expect(headerProblems).toEqual([]);
		await context.dispose();
	});
}
