// What the app's answers must carry, written once for every check: the unit test of
// setSecurityHeaders and the browser tests that read real answers (every page the accessibility
// sweep opens, every row of the authorization matrix, error pages). Each function returns what is
// wrong, so one test can gather the problems of many answers and show them all.

/** Exactly these, on every answer the app renders (pages, redirects, downloads, errors). */
export const answerHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin'
};
/** Each switched off in Permissions-Policy (`camera=()`...). */
export const deniedFeatures = ['camera', 'microphone', 'geolocation', 'payment', 'usb'];
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Directives a page's Content-Security-Policy must hold as written. */
const pageDirectives = [
	"default-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"frame-ancestors 'none'",
	"form-action 'self'"
];
/** Sources allowed exactly: images, fonts and fetches from the app itself (images also data:). */
const exactSources: Record<string, string> = {
	'img-src': "'self' data:",
	'font-src': "'self'",
	'connect-src': "'self'"
};

type Headers = Record<string, string | undefined>;

/** Problems with the headers every answer carries; HSTS only when served over HTTPS. */
export function answerHeaderProblems(headers: Headers, https: boolean): string[] {
	const problems: string[] = [];
	for (const [name, value] of Object.entries(answerHeaders))
		if (headers[name] !== value) problems.push(`${name} is ${headers[name]}, not ${value}`);
	for (const feature of deniedFeatures)
		if (!(headers['permissions-policy'] ?? '').includes(`${feature}=()`))
			problems.push(`permissions-policy lacks ${feature}=()`);
	const hsts = headers['strict-transport-security'];
	if (https ? hsts !== HSTS : hsts !== undefined)
		problems.push(`strict-transport-security is ${hsts} over ${https ? 'HTTPS' : 'HTTP'}`);
	return problems;
}

/** The nonce of a page's script-src, when it has one (SvelteKit's pages have; its static error page has no script). */
export function scriptNonce(csp: string): string | undefined {
	return /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
}

/** Problems with a page's Content-Security-Policy. */
export function pageCspProblems(csp: string | undefined): string[] {
	if (!csp) return ['no content-security-policy'];
	const sources = (directive: string) => new RegExp(`(?:^|; ?)${directive} ([^;]*)`).exec(csp)?.[1];
	const problems = pageDirectives
		.filter((directive) => !csp.includes(directive))
		.map((directive) => `the policy lacks ${directive}`);
	for (const [directive, expected] of Object.entries(exactSources))
		if (sources(directive) !== expected)
			problems.push(`${directive} is ${sources(directive)}, not ${expected}`);
	if (sources('script-src')?.includes('unsafe-inline')) problems.push('script-src unsafe-inline');
	if (sources('style-src')?.includes('unsafe-inline')) problems.push('style-src unsafe-inline');
	if (csp.includes('unsafe-eval')) problems.push('the policy allows unsafe-eval');
	return problems;
}

/**
 * Problems with a real answer over plain HTTP (the browser tests' server): every answer's headers,
 * and a page's policy when the answer is HTML. Each problem is prefixed with `label`.
 */
export function servedHeaderProblems(headers: Headers, label: string): string[] {
	const page = (headers['content-type'] ?? '').startsWith('text/html');
	return [
		...answerHeaderProblems(headers, false),
		...(page ? pageCspProblems(headers['content-security-policy']) : [])
	].map((problem) => `${label}: ${problem}`);
}
