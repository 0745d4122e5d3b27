import type { Cookies } from '@sveltejs/kit';

/**
 * Whether the session cookie is sent only over HTTPS: always in production (a TLS proxy in front
 * may not tell the app), and whenever the request came over HTTPS, whether the app learnt that
 * from ORIGIN or from the proxy's PROTOCOL_HEADER, as the HSTS header does.
 */
function isSecure(url: URL): boolean {
	return process.env.NODE_ENV === 'production' || url.protocol === 'https:';
}

/**
 * The session cookie's name. Served securely it is `__Host-session`: browsers then accept it only
 * when Secure, for path / and without a Domain, so no subdomain can plant or read it.
 */
export function sessionCookieName(url: URL): string {
	return isSecure(url) ? '__Host-session' : 'session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url),
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url)
	});
}
