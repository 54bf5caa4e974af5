import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCapped, isNetError, type NetError } from '../../../src/lib/net';

// "The internet" played by a local server: each path a kind of answer.
let server: Server;
let base: string;
const bomb = gzipSync(Buffer.alloc(50_000_000));

beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.url === '/ok') res.end('{"ok":true}');
		else if (req.url === '/announced-big') {
			res.writeHead(200, { 'content-length': '600000000' });
			res.write('x');
		} else if (req.url === '/unannounced-big') {
			res.writeHead(200);
			const chunk = Buffer.alloc(64 * 1024, 0x20);
			const send = () => {
				while (res.write(chunk));
				res.once('drain', send);
			};
			send();
			res.on('close', () => res.removeAllListeners('drain'));
		} else if (req.url === '/encoded-bomb') {
			res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
			res.end(bomb);
		} else if (req.url === '/never-ends') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"format": "reversal-lab/bundle", ');
		} else if (req.url === '/no-headers') {
			/* never answers */
		} else {
			res.writeHead(404, 'Not Found');
			res.end();
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
	server.closeAllConnections();
	server.close();
});

async function failure(path: string, options: Partial<Parameters<typeof fetchCapped>[1]> = {}): Promise<NetError> {
	try {
		await fetchCapped(base + path, { maxBytes: 1_000_000, ...options });
	} catch (e) {
		if (isNetError(e)) return e;
		throw e;
	}
	throw new Error(`expected ${path} to fail`);
}

describe('fetchCapped(url, options)', () => {
	it('fetchCapped returns the body and reports progress', async () => {
		const seen: number[] = [];
		const bytes = await fetchCapped(`${base}/ok`, { maxBytes: 100, onProgress: (n) => seen.push(n) });
		expect(new TextDecoder().decode(bytes)).toBe('{"ok":true}');
		expect(seen.at(-1)).toBe(11);
	});

	it('fetchCapped refuses a Content-Length over the cap before reading the body', async () => {
		const e = await failure('/announced-big');
		expect(e.code).toBe('too-large');
		expect(e.message).toMatch(/is too large \(600 MB announced; the limit is 1\.0 MB\); download it, filter or split it, then open it\.$/);
	});

	it('fetchCapped stops a body without Content-Length at the cap, and a gzip-encoded bomb after decoding', async () => {
		const e = await failure('/unannounced-big');
		expect(e.code).toBe('too-large');
		expect(e.message).toMatch(/is too large \(stopped after 1\.\d MB; the limit is 1\.0 MB\)/);
		const t0 = performance.now();
		const b = await failure('/encoded-bomb');
		expect(b.code).toBe('too-large');
		expect(performance.now() - t0).toBeLessThan(5_000);
	});

	it('fetchCapped times out when no byte arrives for idleMs, with or without headers', async () => {
		const t0 = performance.now();
		const e = await failure('/never-ends', { idleMs: 300 });
		expect(e.code).toBe('timeout');
		expect(e.message).toMatch(/^No data from .*\/never-ends for 0\.3 s \(0\.0 MB received\); the server stalled\./);
		expect(performance.now() - t0).toBeLessThan(3_000);
		expect((await failure('/no-headers', { idleMs: 300 })).code).toBe('timeout');
	});

	it('fetchCapped stops at once when its signal aborts, saying it was cancelled', async () => {
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 200);
		const e = await failure('/never-ends', { signal: controller.signal });
		expect(e.code).toBe('cancelled');
		expect(e.message).toBe(`The download of ${base}/never-ends was cancelled.`);
	});

	it('fetchCapped names an HTTP error and an unreachable host', async () => {
		expect((await failure('/missing')).message).toMatch(/^The server answered 404 Not Found for /);
		const e = await fetchCapped('http://127.0.0.1:1/x', { maxBytes: 10 }).catch((x: unknown) => x);
		expect(isNetError(e, 'network')).toBe(true);
	});
});
