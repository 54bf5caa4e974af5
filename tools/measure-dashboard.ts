// Measures how fast a 160,000-sample bundle (5 models x 500 problems x 64 samples + greedy, the
// synthetic study of src/lib/core/synthetic) becomes an interactive dashboard in headless Chromium:
// from the moment the file's bytes are read ('rl:file-read') to the dashboard on screen with the
// main thread free ('rl:dashboard-ready'), then until the bootstrap intervals arrive. Also times a
// chart click opening its samples, and frame times while the samples browser scrolls.
// The file is opened twice, each time in a fresh page: first left alone (the times to the first view
// and to the complete report, and the main thread's long tasks over that span, from the Long Tasks
// API observed from the page's start), then with the clicks and the scrolling below done while the
// complete report computes (they take a core of their own on the main thread, so the complete
// report arrives later). `--profile` records a Chromium trace with the V8 sampling profiler over the
// first run and prints each thread's (the page's workers too) CPU time and busiest functions.
// Run after `npm run build`: npx tsx tools/measure-dashboard.ts [--gzip] [--profile]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { chromium } from 'playwright-core';
import { startServer } from './serve.js';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';
import { syntheticBundle } from '../src/lib/core/synthetic/syntheticBundle';
import { traceProfile } from './bench/traceProfile';

const PORT = Number(process.env.PORT ?? 4392);
const gzip = process.argv.includes('--gzip');
const profile = process.argv.includes('--profile');

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
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface LongTask {
	start: number;
	duration: number;
}

/** A fresh page of the report route, with the file chosen; its marks, once the first view is on screen. */
async function openFile(trace?: string) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	page.on('pageerror', (e) => console.error('page error:', e.message));
	// Before any script of the page: every main-thread task over 50 ms from the start, with its time.
	await page.addInitScript(() => {
		const tasks: { start: number; duration: number }[] = [];
		(window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	});
	await page.goto(`http://localhost:${PORT}/report`);
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	if (trace) await browser.startTracing(page, { path: trace, categories: ['disabled-by-default-v8.cpu_profiler', 'toplevel', 'v8.execute', 'devtools.timeline'] });
	const chosen = await page.evaluate(() => performance.now());
	await page.getByTestId('file-input').setInputFiles(file);
	const mark = (name: string) =>
		page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 300_000, polling: 50 });
	const at = (name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime, name);
	await Promise.race([mark('rl:dashboard-ready'), mark('rl:intervals-ready')]);
	const read = await at('rl:file-read');
	const ready = (await at('rl:dashboard-ready')) ?? (await at('rl:intervals-ready'));
	if (read === undefined || ready === undefined) throw new Error('the page left no timing marks');
	const detail = (name: string) =>
		page.evaluate((n) => {
			const m = performance.getEntriesByName(n)[0] as PerformanceMark | undefined;
			return m ? { at: m.startTime, ...(m.detail as Record<string, number>) } : undefined;
		}, name);
	/** Waits for the complete report; its time, the worker's phases and the long tasks since the file was chosen. */
	const complete = async () => {
		await mark('rl:intervals-ready');
		const full = (await at('rl:intervals-ready'))!;
		const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
		return { full, phases: await detail('rl:complete-received'), tasks: tasks.filter((t) => t.start >= chosen && t.start <= full) };
	};
	return { page, read, ready, first: await detail('rl:report-received'), complete };
}

function describeTasks(list: LongTask[], read: number): string {
	const longest = list.reduce<LongTask | undefined>((a, t) => (a && a.duration >= t.duration ? a : t), undefined);
	return `${list.length} (${list.filter((t) => t.duration > 200).length} over 200 ms), longest ${longest ? `${longest.duration.toFixed(0)} ms, ${seconds(longest.start - read)} after the file was read` : 'none'}`;
}

try {
	// Run 1: the file alone.
	const traceFile = join(dir, 'trace.json');
	const quiet = await openFile(profile ? traceFile : undefined);
	const { read, ready, first } = quiet;
	console.log(`File read -> interactive dashboard: ${seconds(ready - read)} (goal <= 2 s)`);
	if (first) {
		const worker = first.parse! + first.report!;
		console.log(
			`  worker: decode + parse + validate + index ${seconds(first.parse!)}, report ${seconds(first.report!)}; ` +
				`transfer and messaging ${seconds(first.at - read - worker)}; rendering ${seconds(ready - first.at)}`
		);
	}
	const done = await quiet.complete();
	console.log(`File read -> complete report (intervals, diversity, verdicts) on screen: ${seconds(done.full - read)} (goal <= 4 s)`);
	if (done.phases) {
		const phases = Object.entries(done.phases)
			.filter(([k]) => k !== 'at')
			.map(([k, ms]) => `${k} ${seconds(ms)}`);
		console.log(`  worker: ${phases.join(', ')} (diversity: the pool's group statistics, from the study's opening); rendering ${seconds(done.full - done.phases.at)}`);
	}
	console.log(`Main-thread long tasks from choosing the file to the complete report: ${describeTasks(done.tasks, read)} (goal: none over 200 ms)`);
	if (profile) {
		await browser.stopTracing();
		const { traceEvents } = JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: Parameters<typeof traceProfile>[0] };
		if (process.env.KEEP_TRACE) writeFileSync(process.env.KEEP_TRACE, readFileSync(traceFile));
		for (const t of traceProfile(traceEvents)) {
			console.log(`  ${t.thread}: ${seconds(t.cpuMs)} CPU in tasks, ${seconds(t.busyMs)} sampled (wall)`);
			for (const f of t.top) console.log(`    ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}`);
		}
	}
	await quiet.page.close();

	// Run 2: a click and scrolling while the complete report computes.
	const busy = await openFile();
	const page = busy.page;
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
	await scroll('while the complete report computes');
	const busyDone = await busy.complete();
	console.log(`With the click and scrolling meanwhile: file read -> first view ${seconds(busy.ready - busy.read)}, -> complete report ${seconds(busyDone.full - busy.read)}`);
	console.log(`  main-thread long tasks (the scrolling's frames included): ${describeTasks(busyDone.tasks, busy.read)}`);
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
