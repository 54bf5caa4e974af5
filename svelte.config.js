import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { directives } from './tools/csp.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static SPA: every page prerendered, one fallback for client-side routes,
		// relative asset paths so the build works from any sub-path.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		paths: { relative: true },
		// The Content-Security-Policy of every page (tools/csp.js; the headers in tools/serve.js and static/_headers match it).
		csp: { mode: 'hash', directives }
	}
};

export default config;
