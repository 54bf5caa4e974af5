// Measures the JavaScript the home page loads before any engine: serves build/, opens "/" in
// headless Chromium, and sums the gzipped size of every script it fetched (gzip level 9, as a
// static host would serve it). Run after `npm run build`: npx tsx tools/measure-home.ts
import { gzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { chromium } from 'playwright-core';
import { startServer } from './serve.js';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';

const PORT = Number(process.env.PORT ?? 4390);
const LIMIT_KB = 250;

const server = (await startServer(process.env.BUILD_DIR ?? 'build', PORT)) as Server;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
	const page = await browser.newPage();
	const scripts: { url: string; raw: number; gzip: number }[] = [];
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		const type = response.request().resourceType();
		const url = response.url();
		if (type !== 'script' && !/\.m?js(\?|$)/.test(url)) return;
		pending.push(
			response.body().then((body) => {
				scripts.push({ url: url.replace(`http://localhost:${PORT}`, ''), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
			})
		);
	});
	await page.goto(`http://localhost:${PORT}/`, { waitUntil: 'networkidle' });
	await page.waitForTimeout(500);
	await Promise.all(pending);
	scripts.sort((a, b) => b.gzip - a.gzip);
	const kb = (n: number) => (n / 1024).toFixed(1);
	for (const s of scripts) console.log(`${kb(s.gzip).padStart(7)} KB gz  ${kb(s.raw).padStart(7)} KB  ${s.url}`);
	const total = scripts.reduce((a, s) => a + s.gzip, 0);
	const heavy = scripts.filter((s) => /d3|mathjs|zod|web-llm|wllama|comlink|fflate/i.test(s.url));
	console.log(`\nHome page: ${scripts.length} scripts, ${kb(total)} KB gzipped (goal <= ${LIMIT_KB} KB).`);
	if (heavy.length) console.log(`Heavy libraries named in the loaded chunks: ${heavy.map((s) => s.url).join(', ')}`);
} finally {
	await browser.close();
	server.close();
}
