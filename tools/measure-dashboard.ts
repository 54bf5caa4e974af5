// Measures how fast a 160,000-sample bundle (5 models x 500 problems x 64 samples + greedy, the
// synthetic study of src/lib/core/synthetic) becomes an interactive dashboard in headless Chromium:
// from the moment the file's bytes are read ('rl:file-read') to the dashboard on screen with the
// main thread free ('rl:dashboard-ready'), then until the bootstrap intervals arrive. Also times a
// chart click opening its samples, and frame times while the samples browser scrolls.
// Run after `npm run build`: npx tsx tools/measure-dashboard.ts [--gzip]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { chromium } from 'playwright-core';
import { startServer } from './serve.js';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';
import { syntheticBundle } from '../src/lib/core/synthetic/syntheticBundle';

const PORT = Number(process.env.PORT ?? 4392);
const gzip = process.argv.includes('--gzip');

const dir = mkdtempSync(join(tmpdir(), 'rl-measure-'));
const t0 = Date.now();
const bundle = syntheticBundle({ models: 5, problems: 500, n: 64 });
let bytes: Buffer = Buffer.from(JSON.stringify(bundle));
const rawMb = bytes.length / 2 ** 20;
if (gzip) bytes = gzipSync(bytes, { level: 6 });
const file = join(dir, gzip ? 'synthetic.json.gz' : 'synthetic.json');
writeFileSync(file, bytes);
console.log(`Bundle: ${bundle.samples.length} samples, ${rawMb.toFixed(1)} MB JSON${gzip ? `, ${(bytes.length / 2 ** 20).toFixed(1)} MB gzipped` : ''} (made in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

const server = (await startServer(process.env.BUILD_DIR ?? 'build', PORT)) as Server;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	page.on('pageerror', (e) => console.error('page error:', e.message));
	await page.goto(`http://localhost:${PORT}/report`);
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles(file);
	const mark = (name: string) =>
		page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 300_000, polling: 50 });
	await Promise.race([mark('rl:dashboard-ready'), mark('rl:intervals-ready')]);
	const at = (name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime, name);
	const read = await at('rl:file-read');
	const ready = (await at('rl:dashboard-ready')) ?? (await at('rl:intervals-ready'));
	if (read === undefined || ready === undefined) throw new Error('the page left no timing marks');
	console.log(`File read -> interactive dashboard: ${((ready - read) / 1000).toFixed(2)} s (goal <= 2 s)`);
	const parts = await page.evaluate(() => {
		const m = performance.getEntriesByName('rl:report-received')[0] as PerformanceMark | undefined;
		return m ? { at: m.startTime, ...(m.detail as { parse: number; report: number }) } : undefined;
	});
	if (parts) {
		const worker = parts.parse + parts.report;
		console.log(
			`  worker: decode + parse + validate + index ${(parts.parse / 1000).toFixed(2)} s, report ${(parts.report / 1000).toFixed(2)} s; ` +
				`transfer and messaging ${((parts.at - read - worker) / 1000).toFixed(2)} s; rendering ${((ready - parts.at) / 1000).toFixed(2)} s`
		);
	}

	// Interactivity: a click on a pass@k point opens its samples.
	const c0 = Date.now();
	// Keyboard activation: at this scale the curves' points overlap, so a pointer click may hit a neighbour.
	await page.locator('[data-chart="pass-at-k"] .marks').focus();
	for (const key of ['Home', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'Enter']) await page.keyboard.press(key);
	await page.locator('.browser .status', { hasText: 'Samples behind pass@8' }).waitFor();
	await page.locator('.browser .cell[data-model="M3"] pre').first().waitFor();
	console.log(`Click on a pass@k point -> its samples on screen: ${((Date.now() - c0) / 1000).toFixed(2)} s`);

	// Scrolling all samples: frame times while the browser scrolls through 160,000 samples' rows.
	await page.getByRole('button', { name: 'Show all' }).click();
	await page.locator('.browser .cell pre').first().waitFor();
	const scroll = async (when: string) => {
		const frames = await page.evaluate(async () => {
			const scroller = document.querySelector<HTMLElement>('.browser .scroller');
			if (!scroller) return [];
			const times: number[] = [];
			let last = performance.now();
			for (let i = 0; i < 240; i++) {
				scroller.scrollTop += 900;
				await new Promise((r) => requestAnimationFrame(() => r(null)));
				const now = performance.now();
				times.push(now - last);
				last = now;
			}
			return times;
		});
		const sorted = [...frames].sort((a, b) => a - b);
		const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
		console.log(`Scrolling the samples browser ${when} (240 frames, 900 px each): median frame ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms`);
	};
	await scroll('while the full report computes');

	await mark('rl:intervals-ready');
	const full = await at('rl:intervals-ready');
	if (full !== undefined) console.log(`File read -> bootstrap intervals on screen: ${((full - read) / 1000).toFixed(2)} s`);
	await page.evaluate(() => {
		const scroller = document.querySelector<HTMLElement>('.browser .scroller');
		if (scroller) scroller.scrollTop = 0;
	});
	await scroll('after it');
	const rows = await page.locator('.browser .status').textContent();
	console.log(`Samples browser: ${rows?.trim()}`);
} finally {
	await browser.close();
	server.close();
	rmSync(dir, { recursive: true, force: true });
}
