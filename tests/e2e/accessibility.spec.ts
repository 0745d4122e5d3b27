import { expect, test } from '@playwright/test';
import { matrix, type Role } from './authorization-matrix';
import { localized, pageProblems } from './axe';
import { openFeedbackFormPath, signIn } from './helpers';

// Every page, as every role that may open it, checked with axe: no serious or critical
// violation, and the hardening headers on its answer. The pages are the authorization matrix's
// GET rows that answer the role 200, one path per route; downloads are left out. Persian for
// every role; English for the first role that may open each route (anonymous, then admin,
// manager, staff, liaison) and for every role's home page, which differs by role. The public
// feedback form is opened through a real link (the matrix knows only unknown ones); its other
// states are in accessibility-feedback.spec.ts.

const readers: Role[] = ['anonymous', 'admin', 'center_manager', 'school_staff', 'liaison'];
const emails: Record<Exclude<Role, 'anonymous'>, string> = {
	admin: 'admin@demo.test',
	center_manager: 'manager@demo.test',
	school_staff: 'staff@demo.test',
	liaison: 'liaison@demo.test'
};
const download = /\.(csv|xlsx|ics)$|^\/(healthz|hello)$|^\/calendar\/feed\/|^\/api\//;
const pageRows = matrix.filter((row) => row.method === 'GET' && !download.test(row.route));

/** The role's pages: for each route, the first path the role may open. */
function pagesOf(role: Role): { path: string; route: string }[] {
	const routes = new Set<string>();
	return pageRows.filter((row) => {
		if (row.expect[role] !== 200 || routes.has(row.route)) return false;
		routes.add(row.route);
		return true;
	});
}

/** Whether the role is the first of `readers` that may open the route. */
const firstReader = (role: Role, route: string) =>
	readers.find((reader) => pagesOf(reader).some((page) => page.route === route)) === role;

// Batches of a few pages, so that the two workers share the long lists evenly.
const BATCH = 12;
for (const role of readers) {
	for (const locale of ['fa', 'en'] as const) {
		const paths = pagesOf(role)
			.filter(({ route }) => locale === 'fa' || route === '/' || firstReader(role, route))
			.map(({ path }) => path);
		const parts = Math.ceil(paths.length / BATCH);
		for (let part = 0; part < parts; part++) {
			const batch = paths.slice(part * BATCH, (part + 1) * BATCH);
			test(`${role}'s pages (${part + 1} of ${parts}) in ${locale} are accessible and hardened`, async ({
				page
			}) => {
				test.setTimeout(30_000 + batch.length * 8_000);
				if (role !== 'anonymous') await signIn(page, emails[role]);
				const found: string[] = [];
				for (const path of batch)
					found.push(...(await pageProblems(page, localized(path, locale))));
				expect(found).toEqual([]);
			});
		}
	}
}

for (const locale of ['fa', 'en'] as const) {
	test(`the public feedback form, through a real link, in ${locale} is accessible and hardened`, async ({
		page,
		baseURL
	}) => {
		const found = await pageProblems(page, localized(await openFeedbackFormPath(baseURL!), locale));
		// The form itself was checked, not a "closed" or "thanks" notice.
		await expect(page.getByRole('radio')).not.toHaveCount(0);
		expect(found).toEqual([]);
	});
}
