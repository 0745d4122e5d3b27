import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session.ts';

const secure = process.env.NODE_ENV === 'production' || process.env.ORIGIN?.startsWith('https:');

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
