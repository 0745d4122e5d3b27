import { describe, expect, it } from 'vitest';
import { pagePolicy, setSecurityHeaders } from '../../../src/lib/server/security-headers.ts';
import { answerHeaderProblems, HSTS, pageCspProblems } from '../../helpers/hardening-headers.ts';

// Every answer's hardening headers; HSTS only over HTTPS (a plain-HTTP answer must not pin a
// host that may not have TLS, e.g. the demo on localhost). The expectations are the ones the
// browser tests hold real answers to (tests/helpers/hardening-headers.ts).

function headersFor(address: string, existing: Record<string, string> = {}): Headers {
	const headers = new Headers(existing);
	setSecurityHeaders(headers, new URL(address));
	return headers;
}

describe('the hardening headers', () => {
	it('are set on every answer, over HTTP and HTTPS alike, HSTS over HTTPS only', () => {
		for (const address of ['http://localhost:3000/', 'https://bell.example.org/sessions']) {
			const headers = Object.fromEntries(headersFor(address));
			expect(answerHeaderProblems(headers, address.startsWith('https:'))).toEqual([]);
		}
	});

	it('pin HTTPS for a year, subdomains included, only when served over HTTPS', () => {
		expect(headersFor('https://bell.example.org/').get('strict-transport-security')).toBe(HSTS);
		expect(HSTS).toBe('max-age=31536000; includeSubDomains');
		expect(headersFor('http://localhost:3000/').has('strict-transport-security')).toBe(false);
	});

	it('are told apart from wrong ones', () => {
		const right = Object.fromEntries(headersFor('http://localhost:3000/'));
		expect(answerHeaderProblems({ ...right, 'permissions-policy': 'camera=()' }, false)).toEqual(
			['microphone', 'geolocation', 'payment', 'usb'].map((f) => `permissions-policy lacks ${f}=()`)
		);
		expect(answerHeaderProblems({ ...right, 'strict-transport-security': HSTS }, false)).toEqual([
			`strict-transport-security is ${HSTS} over HTTP`
		]);
		expect(answerHeaderProblems(right, true)).toEqual([
			'strict-transport-security is undefined over HTTPS'
		]);
	});

	it("pages' policies are told apart from loosened ones", () => {
		const strict =
			"default-src 'self'; connect-src 'self'; font-src 'self'; img-src 'self' data:; " +
			"script-src 'self' 'nonce-abc'; style-src 'self'; form-action 'self'; " +
			"object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
		expect(pageCspProblems(strict)).toEqual([]);
		expect(pageCspProblems(undefined)).toEqual(['no content-security-policy']);
		expect(
			pageCspProblems(
				strict
					.replace("object-src 'none'", "object-src 'self'")
					.replace("'nonce-abc'", "'unsafe-inline'")
					.replace("img-src 'self' data:", "img-src 'self' data: https:")
			)
		).toEqual([
			"the policy lacks object-src 'none'",
			"img-src is 'self' data: https:, not 'self' data:",
			'script-src unsafe-inline'
		]);
	});

	it("give an HTML answer that has no policy the pages' policy, and nothing else one", () => {
		expect(pageCspProblems(pagePolicy)).toEqual([]);
		expect(pagePolicy).toContain(
			"style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:"
		);
		const html = { 'content-type': 'text/html; charset=utf-8' };
		expect(headersFor('http://localhost:3000/x.ics', html).get('content-security-policy')).toBe(
			pagePolicy
		);
		const own = "default-src 'self'; script-src 'self' 'nonce-abc'";
		expect(
			headersFor('http://localhost:3000/', { ...html, 'content-security-policy': own }).get(
				'content-security-policy'
			)
		).toBe(own);
		const feed = { 'content-type': 'text/calendar; charset=utf-8' };
		expect(headersFor('http://localhost:3000/x.ics', feed).has('content-security-policy')).toBe(
			false
		);
	});

	it('leave a header a route set on purpose as it is', () => {
		const headers = headersFor('https://bell.example.org/f/x', {
			'referrer-policy': 'no-referrer'
		});
		expect(headers.get('referrer-policy')).toBe('no-referrer');
	});
});
