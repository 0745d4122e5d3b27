import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { matrix, type Role } from './authorization-matrix';
import { openFeedbackFormPath, signIn } from './helpers';

// Every page, in Persian and in English, checked with axe: no serious or critical violation.
// The pages are the authorization matrix's GET rows that answer 200, each seen by the first role
// that may open it (anonymous, then admin, manager, staff, liaison); downloads are left out.
// The home page differs by role, so every role sees it; the public feedback form is opened
// through a real link (the matrix knows only unknown ones).

const readers: Role[] = ['anonymous', 'admin', 'center_manager', 'school_staff', 'liaison'];
const emails: Record<Exclude<Role, 'anonymous'>, string> = {
	admin: 'admin@demo.test',
	center_manager: 'manager@demo.test',
	school_staff: 'staff@demo.test',
	liaison: 'liaison@demo.test'
};
const download = /\.(csv|xlsx|ics)$|^\/(healthz|hello)$|^\/calendar\/feed\/|^\/api\//;

const pagesByRole = new Map<Role, string[]>();
const seen = new Set<string>();
for (const row of matrix) {
	if (row.method !== 'GET' || download.test(row.route) || seen.has(row.route)) continue;
	const reader = readers.find((role) => row.expect[role] === 200);
	if (!reader) continue;
	seen.add(row.route);
	pagesByRole.set(reader, [...(pagesByRole.get(reader) ?? []), row.path]);
}
for (const role of readers.filter((reader) => reader !== 'anonymous'))
	pagesByRole.set(role, ['/', ...(pagesByRole.get(role) ?? [])]);

const localized = (path: string, locale: 'fa' | 'en') =>
	locale === 'en' ? `/en${path === '/' ? '' : path}` : path;

async function violationsOn(page: Page, path: string): Promise<string[]> {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
}

for (const [role, paths] of pagesByRole) {
	for (const locale of ['fa', 'en'] as const) {
		test(`${role}'s pages in ${locale} have no serious accessibility problem`, async ({ page }) => {
			test.setTimeout(30_000 + paths.length * 8_000);
			if (role !== 'anonymous') await signIn(page, emails[role]);
			const found: string[] = [];
			for (const path of paths) found.push(...(await violationsOn(page, localized(path, locale))));
			expect(found).toEqual([]);
		});
	}
}

for (const locale of ['fa', 'en'] as const) {
	test(`the public feedback form, through a real link, in ${locale} has no serious accessibility problem`, async ({
		page,
		baseURL
	}) => {
		const path = localized(await openFeedbackFormPath(baseURL!), locale);
		const found = await violationsOn(page, path);
		// The form itself was checked, not a "closed" or "thanks" notice.
		await expect(page.getByRole('radio')).not.toHaveCount(0);
		expect(found).toEqual([]);
	});
}
