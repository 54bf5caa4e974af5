// The site's Content-Security-Policy, in one place: svelte.config.js gives it to SvelteKit
// (kit.csp, hash mode: each prerendered page carries it in a <meta> tag with the hashes of its
// own inline scripts), and tools/serve.js and static/_headers send it as a header.
//
// Scripts come only from the site itself, plus WebAssembly compilation (llama.cpp, WebLLM's model
// libraries, ONNX Runtime) and workers from blob: URLs; no plugins, no foreign <base>, forms post
// nowhere else. Network destinations stay open (connect-src): users point the app at their own
// servers, datasets, bundles and models, and every such download has its own cap.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The hashes of app.html's own inline scripts (the theme applied before the first paint). */
function appHtmlScriptHashes() {
	const html = readFileSync(new URL('../src/app.html', import.meta.url), 'utf8');
	return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
		(m) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}`)
	);
}

/** @type {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} */
export const directives = {
	'default-src': ['self'],
	'script-src': ['self', 'wasm-unsafe-eval', ...appHtmlScriptHashes()],
	'worker-src': ['self', 'blob:'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self', 'data:'],
	'media-src': ['self', 'data:', 'blob:'],
	'connect-src': ['self', 'http:', 'https:', 'ws:', 'wss:', 'data:', 'blob:'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'manifest-src': ['self']
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'wasm-unsafe-eval', 'strict-dynamic', 'unsafe-hashes', 'report-sample']);
const source = (/** @type {string} */ s) => (KEYWORDS.has(s) || /^(sha\d{3}|nonce)-/.test(s) ? `'${s}'` : s);

/**
 * The policy as a response header. A page's inline-script hashes differ from page to page, so the
 * header lets inline scripts through and the page's own <meta> policy (both are enforced) admits
 * only its hashed ones. The header is also the only policy of the workers (a <meta> does not reach
 * them): there it admits what ONNX Runtime's WebAssembly glue needs (Function() for its bindings,
 * modules from blob: URLs). A page still runs no eval and no blob: script, its <meta> forbids them.
 */
export function headerPolicy() {
	return Object.entries(directives)
		.map(([name, values]) => {
			const list = /** @type {string[]} */ (values);
			const kept = name === 'script-src' ? [...list.filter((v) => !/^sha\d{3}-/.test(v)), 'unsafe-inline', 'unsafe-eval', 'blob:'] : list;
			return `${name} ${kept.map(source).join(' ')}`;
		})
		.join('; ');
}
