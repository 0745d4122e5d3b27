import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../../src/lib/server/auth/next-path.ts';
import { offSiteAddresses } from '../../helpers/off-site-addresses.ts';

// After signing in, people go back to the page they were on, never to another site, however the
// address is written: each off-site form here is one a browser reads as another host.

const origin = 'https://bell.example.org';

describe('where signing in leads', () => {
	it("keeps the app's own addresses, with their query and fragment", () => {
		for (const path of ['/', '/sessions?status=held&page=2', '/en/inbox', '/campaigns/1#event-3'])
			expect(safeNextPath(path, origin)).toBe(path);
	});

	it('refuses every address that a browser would read as another site', () => {
		// Besides the shared list, forms a URL parser alone must see through.
		const offSite = [...offSiteAddresses, '/\r\n/evil.test', '/%2E%2E//evil.test', 'evil.test'];
		for (const next of offSite) expect(safeNextPath(next, origin), JSON.stringify(next)).toBeNull();
	});

	it('gives a path a Location header can carry: percent-encoded, no control characters', () => {
		expect(safeNextPath('/سلام?q=ب#ج', origin)).toBe('/%D8%B3%D9%84%D8%A7%D9%85?q=%D8%A8#%D8%AC');
		expect(safeNextPath('/a\u0000b\u007f', origin)).toBe('/a%00b%7F');
		expect(safeNextPath('/\ufffd', origin)).toBe('/%EF%BF%BD');
		expect(safeNextPath('/a/../../b', origin)).toBe('/b');
	});

	it('refuses nothing and a malformed address', () => {
		expect(safeNextPath(null, origin)).toBeNull();
		expect(safeNextPath('', origin)).toBeNull();
		expect(safeNextPath('//[', origin)).toBeNull();
	});
});
