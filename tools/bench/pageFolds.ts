// The page's side of tools/bench/incrementalFolds.ts: the built app's /report/bench in headless
// Chromium folds the same sets of 1,000 spread samples (spreadFolds, seed 7) into the same
// 162,500-sample study through its own report worker (src/lib/ui/report/liveFoldBench.ts), and
// prints each fold's time beside a bare loop on the page's main thread. A measurement, not a test.
// Run after `npm run build`: npx tsx tools/bench/pageFolds.ts [--folds 12] [--runs 1] [--profile]
// (--profile: a Chromium trace over the folds alone, each thread's CPU and busiest functions).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/chromium';
import { traceProfile } from './traceProfile';
import type { LiveFoldResult } from '../../src/lib/ui/report/liveFoldBench';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const folds = Number(arg('--folds') ?? 12);
const runs = Number(arg('--runs') ?? 1);
const profile = process.argv.includes('--profile');
const dir = mkdtempSync(join(tmpdir(), 'rl-folds-'));
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' / ');

// Port 0: the system picks a free one, so a server left running elsewhere cannot collide.
const server = (await startServer(process.env.BUILD_DIR ?? 'build', 0)) as Server;
const port = (server.address() as AddressInfo).port;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
	for (let r = 1; r <= runs; r++) {
		console.log(`run ${r}: load average before ${load()} (${cpus().length} cores)`);
		const page = await browser.newPage();
		await page.goto(`http://localhost:${port}/report/bench?folds=${folds}${profile ? '&wait=1' : ''}`);
		const traceFile = join(dir, `trace-${r}.json`);
		if (profile) {
			await page.getByTestId('bench-go').waitFor({ timeout: 600_000 });
			await browser.startTracing(page, { path: traceFile, categories: ['disabled-by-default-v8.cpu_profiler', 'toplevel', 'v8.execute'] });
			await page.getByTestId('bench-go').click();
		}
		const out = page.getByTestId('bench-result').or(page.getByTestId('bench-error'));
		await out.waitFor({ timeout: 600_000 });
		const text = await out.innerText();
		if ((await out.getAttribute('data-testid')) === 'bench-error') throw new Error(`the page failed: ${text}`);
		const result = JSON.parse(text) as LiveFoldResult;
		if (profile) {
			await browser.stopTracing();
			const { traceEvents } = JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: Parameters<typeof traceProfile>[0] };
			for (const t of traceProfile(traceEvents)) {
				console.log(`  ${t.thread}: ${t.cpuMs.toFixed(0)} ms CPU in tasks over the folds, ${t.busyMs.toFixed(0)} ms sampled`);
				for (const f of t.top) console.log(`    ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}`);
			}
		}
		await page.close();
		const ms = (x: number) => `${x.toFixed(0)} ms`;
		console.log(`  ${result.samples} samples, ${result.cores} cores in the page; setBundle (builder + first report) ${ms(result.firstReport)}`);
		result.folds.forEach((f, k) => console.log(`  fold ${k + 1}: addSamples(1000) ${ms(f.wall)} on the main thread, ${ms(f.worker)} in the worker`));
		console.log(`  folds 2..${folds}: median ${ms(result.median)}; bare loop ${ms(result.bareLoop[0])} before, ${ms(result.bareLoop[1])} after; load average after ${load()}`);
	}
} finally {
	await browser.close();
	server.close();
	rmSync(dir, { recursive: true, force: true });
}
