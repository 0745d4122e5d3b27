import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { contentPolicy } from './src/lib/server/content-policy.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Everything ships with the app: no script, style, font or image from elsewhere. SvelteKit
		// adds a nonce to its own inline start-up script; no other inline script runs. The
		// directives are in src/lib/server/content-policy.js.
		csp: {
			mode: 'auto',
			directives: contentPolicy
		}
	}
};

export default config;
