// Measures the live demo: serves build/, opens /demo?autostart in headless Chromium, and times
// from arrival to the finished run's whole report on screen (verdict cards and the pass@k chart of
// the stored bundle), with the runner's tokens/s. Runs the default demo (40 problems x 5 models x
// (greedy + 8)) and the full-size one (200 x 5 x (greedy + 8)). Run after `npm run build`:
//   npx tsx tools/measure-demo.ts            (both)
//   RUNS=default npx tsx tools/measure-demo.ts  or RUNS=full, or RUNS=problems=10&n=2 for a check
import { loadavg, cpus } from 'node:os';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from './serve.js';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';

const PORT = Number(process.env.PORT ?? 4391);
const GOAL_S = 60;
const CONFIGS: Record<string, string> = { default: '', full: 'problems=200&n=8' };

interface Result {
	query: string;
	samples: number;
	seconds: number;
	runSeconds: number;
	tokensPerSecond: number;
	samplesPerSecond: number;
	verdicts: number;
	reports: number;
	reportSeconds: number;
}

async function measure(browser: Browser, query: string): Promise<Result> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => {
		errors.push(e.message);
		console.log(`page error: ${e.message}\n${e.stack ?? ''}`);
	});
	// Nothing may leave this machine: the demo is offline.
	await context.route('**/*', (route) => (/^http:\/\/localhost:\d+\//.test(route.request().url()) ? route.continue() : route.abort()));
	const t0 = Date.now();
	await page.goto(`http://localhost:${PORT}/demo?autostart${query ? `&${query}` : ''}`);
	const report = page.getByTestId('demo-report');
	await report.and(page.locator('[data-complete="true"]')).waitFor({ timeout: 30 * 60_000 });
	await report.locator('[data-chart="pass-at-k"] .plot svg').waitFor();
	await report.locator('article.verdict').first().waitFor();
	// The report is painted once the main thread is free again.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
	const seconds = (Date.now() - t0) / 1000;
	const figures = await page.evaluate(() => ({
		status: document.querySelector('[data-testid="demo-status"]')?.textContent ?? '',
		overall: document.querySelector('[data-testid="demo-overall"]')?.textContent ?? '',
		tps: document.querySelector('[data-testid="demo-tps"]')?.textContent ?? '',
		sps: document.querySelector('[data-testid="demo-sps"]')?.textContent ?? '',
		verdicts: document.querySelectorAll('[data-testid="demo-report"] article.verdict').length,
		// Every report the page received (live updates and the final one), and their worker time.
		reports: performance.getEntriesByName('rl:report-received').map((m) => (m as PerformanceMark).detail as { report: number })
	}));
	await context.close();
	const runSeconds = Number(/in ([0-9.]+) s/.exec(figures.status)?.[1] ?? NaN);
	return {
		query: query || '(default)',
		samples: Number(figures.overall.split('/')[1]),
		seconds,
		runSeconds,
		tokensPerSecond: Number(figures.tps.replace(/,/g, '')),
		samplesPerSecond: Number(figures.sps),
		verdicts: figures.verdicts,
		reports: figures.reports.length,
		reportSeconds: figures.reports.reduce((a, r) => a + r.report, 0) / 1000
	};
}

const wanted = (process.env.RUNS ?? 'default,full').split(',').map((r) => CONFIGS[r] ?? r);
const server = (await startServer(process.env.BUILD_DIR ?? 'build', PORT)) as Server;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
	console.log(`machine: ${cpus().length} cores, load average before ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
	for (const query of wanted) {
		const r = await measure(browser, query);
		console.log(
			`${r.query}: ${r.samples} samples; whole report on screen ${r.seconds.toFixed(1)} s after arrival ` +
				`(click to finished report ${r.runSeconds.toFixed(1)} s); ${r.tokensPerSecond} tokens/s, ${r.samplesPerSecond} samples/s; ` +
				`${r.verdicts} verdict cards; ${r.reports} reports computed (${r.reportSeconds.toFixed(1)} s in the report worker); load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}` +
				(r.query === '(default)' ? ` (goal <= ${GOAL_S} s)` : '')
		);
	}
} finally {
	await browser.close();
	server.close();
}
