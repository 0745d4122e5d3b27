// The Content-Security-Policy of every page, in one place. SvelteKit writes it on the pages it
// renders (kit.csp in svelte.config.js, with a nonce on its own start-up script); the security
// headers hook writes it on the HTML answers SvelteKit sends without one: the static error page
// (src/error.html) that a failing endpoint gets when a browser asked for it.
// Plain JavaScript, because svelte.config.js imports it.

/** @type {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} */
export const contentPolicy = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	// Svelte and SvelteKit set a few style attributes (the route announcer); attributes cannot run
	// code. Style elements still need 'self' or SvelteKit's hash.
	'style-src-attr': ['unsafe-inline'],
	'img-src': ['self', 'data:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'form-action': ['self'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'frame-ancestors': ['none']
};
