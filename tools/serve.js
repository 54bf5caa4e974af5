#!/usr/bin/env node
// A static server for the built site: serves DIR at "/" and at "/sub/path/" (to prove the
// build works from a sub-path), with the cross-origin isolation headers wllama's threads need and
// the site's Content-Security-Policy (tools/csp.js).
// Usage: node tools/serve.js [dir=build] [port=4173]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { headerPolicy } from './csp.js';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.gguf': 'application/octet-stream',
	'.jsonl': 'application/x-ndjson',
	'.gz': 'application/gzip',
	'.txt': 'text/plain; charset=utf-8'
};
export const SUB_PATH = '/sub/path';

export function startServer(dir = 'build', port = 4173) {
	const root = resolve(dir);
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path = decodeURIComponent(url.pathname);
		if (path.startsWith(SUB_PATH + '/') || path === SUB_PATH) path = path.slice(SUB_PATH.length) || '/';
		const headers = {
			'Cross-Origin-Opener-Policy': 'same-origin',
			'Cross-Origin-Embedder-Policy': 'require-corp',
			'Cross-Origin-Resource-Policy': 'same-origin',
			'Content-Security-Policy': headerPolicy(),
			'Cache-Control': 'no-store'
		};
		const candidates = [path, join(path, 'index.html'), path + '.html'];
		for (const candidate of candidates) {
			const file = normalize(join(root, candidate));
			if (!file.startsWith(root)) break;
			try {
				if (!(await stat(file)).isFile()) continue;
				const body = await readFile(file);
				res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
				res.end(body);
				return;
			} catch {
				/* try the next candidate */
			}
		}
		try {
			const body = await readFile(join(root, '404.html'));
			res.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
			res.end(body);
		} catch {
			res.writeHead(404, headers);
			res.end('not found');
		}
	});
	return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [dir = 'build', port = '4173'] = process.argv.slice(2);
	await startServer(dir, Number(port));
	console.log(`Reversal Lab: http://localhost:${port}/ (also at http://localhost:${port}${SUB_PATH}/)`);
}
