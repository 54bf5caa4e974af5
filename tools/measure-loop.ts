// Measures the live loop on the demo page (a benchmark, not a test): serves build/, runs the default
// demo (M1-M5, 40 problems, greedy + 8), then presses "Train the next iteration" ROUNDS times and
// times each round's phases (sample the pool, train, evaluate) from the click to the finished report
// that holds the new model. Run after `npm run build`:
//   npx tsx tools/measure-loop.ts              (lecture size, 4 rounds)
//   SIZE=family ROUNDS=1 npx tsx tools/measure-loop.ts   (one round at the shipped family's own settings;
//   its first round is also compared with the shipped M2: same weights, since both sample the pool
//   with the page runner's requests and train with the same settings and seeds)
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Server } from 'node:http';
import { chromium } from 'playwright-core';
import { startServer } from './serve.js';
import { fromGguf } from '../src/lib/train/gguf';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';

const PORT = Number(process.env.PORT ?? 4393);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const SIZE = process.env.SIZE ?? 'lecture';

/** The page's family-size M2 against static/models/tiny-m2.gguf, tensor by tensor (names and descriptions differ). */
async function compareWithShipped(label: string): Promise<void> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${label} as GGUF` }).click()]);
	const mine = fromGguf(new Uint8Array(readFileSync(await download.path()))).weights;
	const shipped = fromGguf(new Uint8Array(readFileSync('static/models/tiny-m2.gguf'))).weights;
	const differ = mine.length === shipped.length ? mine.reduce((n, x, i) => n + (x === shipped[i] ? 0 : 1), 0) : -1;
	console.log(differ === 0 ? `${label} = the shipped tiny-m2, weight for weight (${mine.length} weights)` : `${label} differs from the shipped tiny-m2 in ${differ === -1 ? 'size' : `${differ} of ${mine.length} weights`}`);
}

const server: Server = await startServer('build', PORT);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
await context.route('**/*', (route) => (/^http:\/\/localhost:\d+\//.test(route.request().url()) ? route.continue() : route.abort()));
const page = await context.newPage();
try {
	page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
	const t0 = Date.now();
	await page.goto(`http://localhost:${PORT}/demo?autostart`);
	const report = page.getByTestId('demo-report');
	await report.and(page.locator('[data-complete="true"]')).waitFor({ timeout: 30 * 60_000 });
	console.log(`demo M1-M5: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	await page.getByTestId('loop-size').selectOption(SIZE);
	const rows = [];
	for (let r = 0; r < ROUNDS; r++) {
		const label = `M${r + 2} live`;
		const start = Date.now();
		// A button that stays disabled is a failure to report, not a wait without end.
		await page.getByTestId('loop-train').click({ timeout: 120_000 });
		const seen: Record<string, number> = {};
		while (true) {
			const phase = await page.evaluate(() => document.querySelector('[data-testid="live-loop"] [data-active="true"]')?.getAttribute('data-phase') ?? null);
			if (phase && !(phase in seen)) seen[phase] = Date.now();
			const done = await page.evaluate((label) => !document.querySelector('[data-testid="loop-phases"]') && (document.querySelector('[data-testid="loop-trained"]')?.textContent ?? '').includes(label), label);
			const error = await page.evaluate(() => document.querySelector('[data-testid="loop-error"]')?.textContent ?? '');
			if (error) throw new Error(`round ${r + 1}: ${error}`);
			if (done) break;
			await page.waitForTimeout(200);
		}
		await report.and(page.locator('[data-complete="true"]')).waitFor({ timeout: 30 * 60_000 });
		const end = Date.now();
		const trained = await page.evaluate(() => document.querySelector('[data-testid="loop-trained"] li:last-child')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
		const s = (a?: number, b?: number) => (a && b ? ((b - a) / 1000).toFixed(1) : 'n/a');
		const row = { round: label, sample: s(seen.sampling ?? start, seen.training), train: s(seen.training, seen.evaluating), evaluate: s(seen.evaluating, end), total: ((end - start) / 1000).toFixed(1), trained };
		rows.push(row);
		console.log(JSON.stringify(row));
		if (SIZE === 'family' && r === 0) await compareWithShipped(label);
	}
	const total = rows.reduce((a, r) => a + Number(r.total), 0);
	console.log(`size ${SIZE}: ${rows.length} rounds in ${total.toFixed(1)} s; machine ${cpus().length} x ${cpus()[0]?.model}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
	await browser.close();
	server.close();
}
