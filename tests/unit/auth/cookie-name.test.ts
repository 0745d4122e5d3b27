import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie
} from '../../../src/lib/server/auth/cookie.ts';

// The session cookie is `__Host-` prefixed whenever it is served securely (in production, or for a
// request that came over HTTPS however the app learnt it), and never sent with another site's
// subrequests or form posts (SameSite=Lax), in production and in development.

const https = new URL('https://bell.example/login');
const http = new URL('http://localhost:3000/login');
const expires = new Date('2027-01-01T00:00:00Z');

describe('the session cookie', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('is __Host-session in production, even when the proxy does not say HTTPS, with the attributes that prefix needs', () => {
		vi.stubEnv('NODE_ENV', 'production');
		expect(sessionCookieName(http)).toBe('__Host-session');
		const set = vi.fn();
		setSessionCookie({ set } as never, http, 'token', expires);
		expect(set).toHaveBeenCalledWith(
			'__Host-session',
			'token',
			expect.objectContaining({ path: '/', secure: true, httpOnly: true, sameSite: 'lax' })
		);
		expect(set.mock.calls[0]![2]).not.toHaveProperty('domain');
	});

	it('is __Host-session for a request that came over HTTPS, whatever NODE_ENV says', () => {
		vi.stubEnv('NODE_ENV', 'development');
		expect(sessionCookieName(https)).toBe('__Host-session');
		const set = vi.fn();
		const remove = vi.fn();
		setSessionCookie({ set } as never, https, 'token', expires);
		deleteSessionCookie({ delete: remove } as never, https);
		const secure = expect.objectContaining({ path: '/', secure: true, httpOnly: true });
		expect(set).toHaveBeenCalledWith('__Host-session', 'token', secure);
		expect(remove).toHaveBeenCalledWith('__Host-session', secure);
	});

	it('is a plain cookie on a development machine over HTTP, still HttpOnly and SameSite=Lax', () => {
		vi.stubEnv('NODE_ENV', 'development');
		expect(sessionCookieName(http)).toBe('session');
		const set = vi.fn();
		const remove = vi.fn();
		setSessionCookie({ set } as never, http, 'token', expires);
		deleteSessionCookie({ delete: remove } as never, http);
		const lax = expect.objectContaining({
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: false
		});
		expect(set).toHaveBeenCalledWith('session', 'token', lax);
		expect(remove).toHaveBeenCalledWith('session', lax);
	});
});
