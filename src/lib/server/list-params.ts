// The query parameters every list page reads the same way; nonsense falls back to the default.

const MAX_PAGE = 10_000;

/** The most options a list's filter offers in one select; wider scopes narrow first. */
export const FILTER_CHOICES_MAX = 300;

export function pageFrom(url: URL): number {
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	return Number.isFinite(page) ? Math.max(1, Math.min(MAX_PAGE, page)) : 1;
}

/** One page of items already in memory; a page past the end shows the last one. */
export function pageOf<T>(
	items: T[],
	asked: number,
	size: number
): { items: T[]; page: number; pageCount: number } {
	const pageCount = Math.max(1, Math.ceil(items.length / size));
	const page = Math.min(asked, pageCount);
	return { items: items.slice((page - 1) * size, page * size), page, pageCount };
}

/**
 * The pages of a list whose rows were counted up to `countCap` (see countUpTo): beyond the cap
 * the list has more than `pageCount` pages, and how many more is not counted.
 */
export function pagesOf(
	total: number,
	countCap: number,
	size: number
): { pageCount: number; morePages: boolean } {
	return total > countCap
		? { pageCount: Math.floor(countCap / size), morePages: true }
		: { pageCount: Math.max(1, Math.ceil(total / size)), morePages: false };
}

export function searchTextFrom(url: URL): string {
	return (url.searchParams.get('q') ?? '').trim().slice(0, 100);
}
