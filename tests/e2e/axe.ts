import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { servedHeaderProblems } from '../helpers/hardening-headers';

// A page opened for the accessibility checks: it must answer 200 with the hardening headers and
// show axe no violation of impact serious or critical.

export const localized = (path: string, locale: 'fa' | 'en'): string =>
	locale === 'en' ? `/en${path === '/' ? '' : path}` : path;

/**
 * axe's serious and critical violations on the page as it is now. In legacy mode axe runs once in
 * the page: the default injects it twice and opens a blank page to merge the frames' results,
 * which took twice as long (2.6 s against 1.3 s a page, measured on 8 pages) and the app's pages
 * have no frames.
 */
export async function axeProblems(page: Page, label: string): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
}

/** Opens the page; what is wrong with its answer's headers and with the page itself. */
export async function pageProblems(page: Page, path: string): Promise<string[]> {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	return [
		...servedHeaderProblems(await response!.allHeaders(), path),
		...(await axeProblems(page, path))
	];
}
