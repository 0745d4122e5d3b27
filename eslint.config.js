import prettier from 'eslint-config-prettier';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'test-results/', 'playwright-report/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ varsIgnorePattern: '^_', argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			],
			// Links go through Paraglide's localizeHref(), which adds the language prefix.
			'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }]
		}
	},
	{
		// Browser code never runs the zod schemas (forms are checked on the server), yet one value
		// imported from a schema module brings all of zod (~24 KB gzip) into the page: types only.
		files: ['**/*.svelte', 'src/lib/**/*.ts'],
		ignores: ['src/lib/server/**', 'src/lib/schemas/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/schemas/*', '**/schemas/*'],
							allowTypeImports: true,
							message:
								'Only types from the schemas here: the values live zod-free in src/lib/<domain>/.'
						}
					]
				}
			]
		}
	},
	{
		// Migrations are written against Kysely<any>: they must not depend on today's schema types.
		files: ['migrations/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
