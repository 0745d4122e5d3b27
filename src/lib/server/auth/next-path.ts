// Where the sign-in page sends people once they are signed in: the page they were on, and only a
// page of this site, so a crafted link cannot send them elsewhere. The address is read as a
// browser would read the redirect (WHATWG URL parsing: `\` counts as `/`, tabs and newlines are
// dropped, `/.//x` becomes `//x`), and what is kept is that parsed path, percent-encoded, so the
// redirect's Location can always be sent and means the same to every browser.

/** The path to go to after signing in, or null when `next` is missing or leads off `origin`. */
export function safeNextPath(next: string | null, origin: string): string | null {
	if (!next?.startsWith('/')) return null;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return null;
	}
	const path = url.pathname + url.search + url.hash;
	// A path that starts with `//` would name another host in the Location header.
	return url.origin === new URL(origin).origin && !path.startsWith('//') ? path : null;
}
