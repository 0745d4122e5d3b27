import { describe, expect, it } from 'vitest';
import { setSecurityHeaders } from '../../../src/lib/server/security-headers.ts';

// Every answer's hardening headers; HSTS only over HTTPS (a plain-HTTP answer must not pin a
// host that may not have TLS, e.g. the demo on localhost).

function headersFor(address: string, existing: Record<string, string> = {}): Headers {
	const headers = new Headers(existing);
	setSecurityHeaders(headers, new URL(address));
	return headers;
}

describe('the hardening headers', () => {
	it('are set on every answer, over HTTP and HTTPS alike', () => {
		for (const address of ['http://localhost:3000/', 'https://bell.example.org/sessions']) {
			const headers = headersFor(address);
			expect(headers.get('x-content-type-options')).toBe('nosniff');
			expect(headers.get('referrer-policy')).toBe('same-origin');
			expect(headers.get('x-frame-options')).toBe('DENY');
			expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
			for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
				expect(headers.get('permissions-policy')).toContain(`${feature}=()`);
		}
	});

	it('pin HTTPS for a year, subdomains included, only when served over HTTPS', () => {
		expect(headersFor('https://bell.example.org/').get('strict-transport-security')).toBe(
			'max-age=31536000; includeSubDomains'
		);
		expect(headersFor('http://localhost:3000/').has('strict-transport-security')).toBe(false);
	});

	it('leave a header a route set on purpose as it is', () => {
		const headers = headersFor('https://bell.example.org/f/x', {
			'referrer-policy': 'no-referrer'
		});
		expect(headers.get('referrer-policy')).toBe('no-referrer');
	});
});
