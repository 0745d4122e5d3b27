import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale']
		})
	],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		globalSetup: ['tests/helpers/postgres-setup.ts'],
		// Timeouts catch a hang, not a slow machine: on two busy cores (or PostgreSQL's slower set-up
		// of a database) a demo load alone can take ten seconds.
		testTimeout: 60_000,
		hookTimeout: 120_000,
		environment: 'node'
	}
});
