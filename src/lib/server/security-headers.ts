import { contentPolicy } from './content-policy.js';

// The response headers that harden every answer. The Content-Security-Policy of pages is written
// by SvelteKit (kit.csp in svelte.config.js), which adds nonces to its own inline scripts; an HTML
// answer that comes without one (SvelteKit's static error page) gets the same policy here.

const always = {
	'x-content-type-options': 'nosniff',
	// Secret addresses (calendar feeds, feedback links) never leak to other sites.
	'referrer-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin'
};

/** Keywords are written in quotes, schemes (`data:`) as they are. */
const source = (value: string) => (value.endsWith(':') ? value : `'${value}'`);

/** The page policy as a header value. */
export const pagePolicy = Object.entries(contentPolicy)
	.map(([directive, values]) => [directive, ...(values as string[]).map(source)].join(' '))
	.join('; ');

/** Sets the headers on a response; HSTS only when the request came over HTTPS. */
export function setSecurityHeaders(headers: Headers, url: URL): void {
	for (const [name, value] of Object.entries(always)) {
		if (!headers.has(name)) headers.set(name, value);
	}
	if (
		headers.get('content-type')?.startsWith('text/html') &&
		!headers.has('content-security-policy')
	)
		headers.set('content-security-policy', pagePolicy);
	if (url.protocol === 'https:')
		headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
}
