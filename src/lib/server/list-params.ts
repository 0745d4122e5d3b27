// The query parameters every list page reads the same way; nonsense falls back to the default.

const MAX_PAGE = 10_000;

/** The most options a list's filter offers in one select; wider scopes narrow first. */
export const FILTER_CHOICES_MAX = 300;

export function pageFrom(url: URL): number {
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	return Number.isFinite(page) ? Math.max(1, Math.min(MAX_PAGE, page)) : 1;
}

export function searchTextFrom(url: URL): string {
	return (url.searchParams.get('q') ?? '').trim().slice(0, 100);
}
