// On a host that sends no COOP/COEP headers the page is not cross-origin isolated (one WASM
// thread); the study page offers the service-worker fallback, which makes it isolated.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { test, expect } from './fixtures';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
let server: Server;
let port = 0;

test.beforeAll(async () => {
	// A plain static host, like GitHub Pages: the same build, without isolation headers.
	const root = resolve('build');
	server = createServer(async (req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		for (const candidate of [path, join(path, 'index.html'), path + '.html']) {
			const file = normalize(join(root, candidate));
			if (!file.startsWith(root)) break;
			try {
				if (!(await stat(file)).isFile()) continue;
				res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
				res.end(await readFile(file));
				return;
			} catch {
				/* next candidate */
			}
		}
		res.writeHead(404);
		res.end();
	});
	// Any free port: other suites' servers may hold fixed ones.
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	port = (server.address() as { port: number }).port;
});

test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

test('without COOP/COEP headers the study page offers the service worker, which isolates the page', async ({ page }) => {
	await page.goto(`http://localhost:${port}/study`);
	expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
	const notice = page.getByRole('complementary').filter({ hasText: 'Single-threaded on this host' });
	await expect(notice).toBeVisible();
	await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: /Enable threads/ }).click()]);
	await expect.poll(() => page.evaluate(() => crossOriginIsolated), { timeout: 15_000 }).toBe(true);
	await expect(page.getByText('Single-threaded on this host')).toHaveCount(0);
	expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
});
