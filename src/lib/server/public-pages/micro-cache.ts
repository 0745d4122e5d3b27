// What the app has told browsers and proxies they may keep (Cache-Control: public, max-age), it
// keeps too, in this process, for as long: a crowd on a public page without a proxy in front then
// costs one copy of the page a minute instead of one page a request. Bounded in entries; the
// oldest goes first. Only complete 200 answers are kept.

interface Entry {
	expires: number;
	status: number;
	headers: [string, string][];
	body: Uint8Array;
}

export const MAX_ENTRIES = 500;

export interface MicroCache {
	/** The kept answer for `key`, or the one `make` gives (kept when it is public). */
	answer(key: string, make: () => Promise<Response>, now?: number): Promise<Response>;
}

function maxAgeOf(response: Response): number {
	const control = response.headers.get('cache-control') ?? '';
	if (response.status !== 200 || !/\bpublic\b/.test(control)) return 0;
	return Number(/\bmax-age=(\d+)/.exec(control)?.[1] ?? 0);
}

export function createMicroCache(maxEntries = MAX_ENTRIES): MicroCache {
	const entries = new Map<string, Entry>();
	const replay = (entry: Entry) =>
		new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
	return {
		async answer(key, make, now = Date.now()) {
			const kept = entries.get(key);
			if (kept && kept.expires > now) return replay(kept);
			entries.delete(key);
			const response = await make();
			const maxAge = maxAgeOf(response);
			if (!maxAge) return response;
			const entry: Entry = {
				expires: now + maxAge * 1000,
				status: response.status,
				headers: [...response.headers],
				body: new Uint8Array(await response.arrayBuffer())
			};
			if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
			entries.set(key, entry);
			return replay(entry);
		}
	};
}
