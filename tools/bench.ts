// npm run bench: the metrics library on a study of the acceptance's size (5 models x 500 problems
// x 64 samples + greedy, ~120 words each). Prints the full computeReport time and peak memory, and
// the incremental update time for 1,000 new samples; then the file case (tools/bench/fileCase.ts):
// `reversal-lab report` on a 135 MB samples JSONL, end to end. A measurement, not a test.
// Options: --only synthetic|file, --repeats <n> (file case), --before <git ref> (also time the CLI
// as it was at that commit on the same file and compare its CSV and JSON with today's).
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const only = arg('--only');
import { computeReport, createReportBuilder } from '../src/lib/core/metrics';
import { cpus, loadavg } from 'node:os';
import { fileCase } from './bench/fileCase';
import { mulberry32 } from '../src/lib/core/random';
import { syntheticBundle } from '../src/lib/core/synthetic/syntheticBundle';
import type { Sample } from '../src/lib/core/types';

const MB = 1024 * 1024;
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	const value = run();
	const wall = performance.now() - t0;
	const cpu = process.cpuUsage(cpu0);
	return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function syntheticCase(): void {
	const options = { models: 5, problems: 500, n: 64, greedy: true, words: 120, seed: 1 };
	const gen = timed(() => syntheticBundle(options));
	const bundle = gen.value;
	const words = bundle.samples.reduce((sum, s) => sum + s.text.split(/\s+/).length, 0) / bundle.samples.length;
	console.log(`synthetic bundle: ${bundle.samples.length} samples (${options.models} models x ${options.problems} problems x ${options.n} + greedy), ${words.toFixed(0)} words/sample, built in ${fmt(gen.wall)}`);
	const rssBefore = process.memoryUsage().rss;

	const full = timed(() => computeReport(bundle));
	const peak = process.resourceUsage().maxRSS * 1024;
	const after = process.memoryUsage();
	console.log(`full computeReport: ${fmt(full.wall)} wall, ${fmt(full.cpu)} CPU (B = ${full.value.options.bootstrap} bootstrap resamples, embedder: ${full.value.embedder})`);
	console.log(`memory: peak RSS ${(peak / MB).toFixed(0)} MB for the whole process (bundle included; RSS before the report ${(rssBefore / MB).toFixed(0)} MB; after it: heap ${(after.heapUsed / MB).toFixed(0)} MB, array buffers ${(after.arrayBuffers / MB).toFixed(0)} MB)`);

	// Incremental: a run in progress whose last 1,000 samples arrive (the tail of the last model,
	// ~15 problems), and a worst case where 1,000 samples land on random (model, problem) pairs.
	function incremental(label: string, held: Set<number>): boolean {
		const rest: Sample[] = [];
		const late: Sample[] = [];
		bundle.samples.forEach((s, i) => (held.has(i) ? late : rest).push(s));
		const builder = createReportBuilder({ ...bundle, samples: rest });
		builder.report();
		const update = timed(() => {
			builder.add(late);
			return builder.report();
		});
		console.log(`incremental (${label}): add(1000) + report() ${fmt(update.wall)} wall, ${fmt(update.cpu)} CPU`);
		return JSON.stringify(update.value) === JSON.stringify(full.value);
	}

	const total = bundle.samples.length;
	const tail = new Set(Array.from({ length: 1000 }, (_, i) => total - 1000 + i));
	const random = mulberry32(7);
	const spread = new Set<number>();
	while (spread.size < 1000) spread.add(Math.floor(random() * total));
	const sameTail = incremental('last 1,000 samples of the run', tail);
	const sameSpread = incremental('1,000 samples spread over all models and problems', spread);
	console.log(`incremental report identical to the full one: ${sameTail && sameSpread}`);
	console.log(`goals: full <= 5000 ms and <= 1536 MB, incremental <= 100 ms (this machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}: wall time above CPU time means other processes shared the cores)`);
}

if (only !== 'file') syntheticCase();
if (only !== 'synthetic') await fileCase({ before: arg('--before'), repeats: Number(arg('--repeats') ?? 1) });
