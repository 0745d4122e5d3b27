import { describe, expect, it } from 'vitest';
import { pageFrom, pageOf, pagesOf, searchTextFrom } from '../../src/lib/server/list-params.ts';

const url = (query: string) => new URL(`http://localhost/admin/users?${query}`);

describe('list parameters', () => {
	it('read the page number, and fall back to a sane one for nonsense', () => {
		expect(pageFrom(url(''))).toBe(1);
		expect(pageFrom(url('page=3'))).toBe(3);
		expect(pageFrom(url('page=abc'))).toBe(1);
		expect(pageFrom(url('page=-5'))).toBe(1);
		expect(pageFrom(url('page=0'))).toBe(1);
		expect(pageFrom(url('page=99999999999'))).toBe(10_000);
	});

	it('read the search text trimmed and at most 100 characters long', () => {
		expect(searchTextFrom(url(''))).toBe('');
		expect(searchTextFrom(url('q=%20%D8%AF%D9%88%D9%84%D8%A7%D8%A8%20'))).toBe('دولاب');
		expect(searchTextFrom(url(`q=${'x'.repeat(500)}`))).toHaveLength(100);
	});

	it('cut a list in memory into pages, the last page for one past the end', () => {
		const items = Array.from({ length: 250 }, (_, i) => i);
		expect(pageOf(items, 1, 100)).toEqual({ items: items.slice(0, 100), page: 1, pageCount: 3 });
		expect(pageOf(items, 3, 100)).toEqual({ items: items.slice(200), page: 3, pageCount: 3 });
		expect(pageOf(items, 9, 100)).toEqual({ items: items.slice(200), page: 3, pageCount: 3 });
		expect(pageOf([], 1, 100)).toEqual({ items: [], page: 1, pageCount: 1 });
	});

	it('count pages up to the cap and say there are more beyond it', () => {
		expect(pagesOf(0, 1000, 25)).toEqual({ pageCount: 1, morePages: false });
		expect(pagesOf(26, 1000, 25)).toEqual({ pageCount: 2, morePages: false });
		expect(pagesOf(1000, 1000, 25)).toEqual({ pageCount: 40, morePages: false });
		expect(pagesOf(1001, 1000, 25)).toEqual({ pageCount: 40, morePages: true });
	});
});
