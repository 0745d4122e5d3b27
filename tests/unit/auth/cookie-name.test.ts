import { afterEach, describe, expect, it, vi } from 'vitest';

// The session cookie is `__Host-` prefixed whenever it is served securely, and never sent with
// another site's subrequests or form posts (SameSite=Lax), in production and in development.

async function cookieModule() {
	vi.resetModules();
	return import('../../../src/lib/server/auth/cookie.ts');
}

describe('the session cookie', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('is __Host-session in production and over HTTPS, with the attributes that prefix needs', async () => {
		vi.stubEnv('NODE_ENV', 'production');
		const { SESSION_COOKIE, setSessionCookie } = await cookieModule();
		expect(SESSION_COOKIE).toBe('__Host-session');
		const set = vi.fn();
		setSessionCookie({ set } as never, 'token', new Date('2027-01-01T00:00:00Z'));
		expect(set).toHaveBeenCalledWith(
			'__Host-session',
			'token',
			expect.objectContaining({ path: '/', secure: true, httpOnly: true, sameSite: 'lax' })
		);
		expect(set.mock.calls[0]![2]).not.toHaveProperty('domain');

		vi.stubEnv('NODE_ENV', 'test');
		vi.stubEnv('ORIGIN', 'https://bell.example');
		expect((await cookieModule()).SESSION_COOKIE).toBe('__Host-session');
	});

	it('is a plain cookie on a development machine over HTTP, still HttpOnly and SameSite=Lax', async () => {
		vi.stubEnv('NODE_ENV', 'development');
		vi.stubEnv('ORIGIN', 'http://localhost:3000');
		const { SESSION_COOKIE, setSessionCookie, deleteSessionCookie } = await cookieModule();
		expect(SESSION_COOKIE).toBe('session');
		const set = vi.fn();
		const remove = vi.fn();
		setSessionCookie({ set } as never, 'token', new Date('2027-01-01T00:00:00Z'));
		deleteSessionCookie({ delete: remove } as never);
		const lax = expect.objectContaining({ path: '/', httpOnly: true, sameSite: 'lax' });
		expect(set).toHaveBeenCalledWith('session', 'token', lax);
		expect(remove).toHaveBeenCalledWith('session', lax);
	});
});
