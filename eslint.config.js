import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs['flat/recommended'],
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-at-html-tags': 'error'
		}
	},
	// Import boundaries (DESIGN.md): core is pure TypeScript and imports only core (and plain npm
	// libraries); workers, stores and export never import the UI, so pure data code lives outside ui.
	{
		files: ['src/lib/core/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ regex: '^\\$(app|env|service-worker)(/|$)', message: 'core is pure TypeScript: no SvelteKit modules.' },
						{ regex: '^\\$lib/(?!core(/|$))', message: 'core imports only core: move what it needs into src/lib/core.' },
						{ regex: '^(\\.\\./)+(ui|stores|workers|export|engines|runner|train|embeddings|datasets|device|gguf)(/|$)', message: 'core imports only core: move what it needs into src/lib/core.' },
						{ regex: '^svelte(/|$)', message: 'core is pure TypeScript: no Svelte.' }
					]
				}
			]
		}
	},
	{
		files: ['src/lib/workers/**', 'src/lib/stores/**', 'src/lib/export/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ regex: '^(\\$lib/|(\\.\\./)+)ui(/|$)', message: 'workers, stores and export never import ui: move pure data code out of src/lib/ui (e.g. to src/lib/core).' }
					]
				}
			]
		}
	},
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'static/'] }
);
