import type { Cookies } from '@sveltejs/kit';

const secure = process.env.NODE_ENV === 'production' || process.env.ORIGIN?.startsWith('https:');

/**
 * The session cookie's name. Served securely it is `__Host-session`: browsers then accept it only
 * when Secure, for path / and without a Domain, so no subdomain can plant or read it.
 */
export const SESSION_COOKIE = secure ? '__Host-session' : 'session';

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: Boolean(secure),
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: Boolean(secure)
	});
}
