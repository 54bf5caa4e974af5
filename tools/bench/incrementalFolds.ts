// The incremental case of issue 14 point 5, repeated: a live report builder over the synthetic
// study of `npm run bench` (5 models x 500 problems x (64 + greedy)) less `folds` x 1,000 samples
// drawn at random, then each set of 1,000 folded in with add() + report(), timed one by one. The
// first fold also pays for compiling the update paths (it is the figure `npm run bench` prints);
// the median of the later ones is the steady cost. Peak RSS is the process's after the builder's
// first report: the bundle plus the builder's kept state. A measurement, not a test.
// Usage: npx tsx tools/bench/incrementalFolds.ts [--folds 8] [--threads 2] [--check]  (--threads: the
// models split between this thread and threads - 1 worker threads, createPartedReportBuilder;
// default 1, createReportBuilder. --check also compares the last report with computeReport of all samples;
// --profile <file.cpuprofile> writes a CPU profile of this thread over folds 2.. for Chrome's DevTools).
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { computeReport, createReportBuilder } from '../../src/lib/core/metrics';
import { spreadFolds, syntheticBundle } from '../../src/lib/core/synthetic';
import type { Report } from '../../src/lib/core/metrics';
import type { Sample } from '../../src/lib/core/types';
import { createPartedReportBuilder } from '../../src/lib/workers/partedReportBuilder';
import { spawnModelParts } from '../report/modelPartThreads';
import { bareLoop } from '../../src/lib/bench/bareLoop';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const folds = Number(arg('--folds') ?? 8);
const threads = Number(arg('--threads') ?? 1);
const MB = 1024 * 1024;
const cpuMs = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000;
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' / ');
const bundle = syntheticBundle({ models: 5, problems: 500, n: 64, greedy: true, words: 120, seed: 1 });
const { rest, late } = spreadFolds(bundle.samples, folds);

console.log(`load average before: ${load()} (${cpus().length} cores); bare loop ${bareLoop().toFixed(0)} ms`);
const c0 = process.cpuUsage();
const spawned = threads > 1 ? spawnModelParts(threads - 1) : undefined;
const builder: { add(samples: Sample[]): void; report(): Report | Promise<Report> } = spawned
	? createPartedReportBuilder({ ...bundle, samples: rest }, spawned.endpoints)
	: createReportBuilder({ ...bundle, samples: rest });
await builder.report();
const mem = process.memoryUsage();
console.log(`${threads} thread(s): builder of ${rest.length} samples + first report: ${cpuMs(process.cpuUsage(c0)).toFixed(0)} ms CPU; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (heap ${(mem.heapUsed / MB).toFixed(0)} MB, array buffers ${(mem.arrayBuffers / MB).toFixed(0)} MB)`);
const cpu: number[] = [];
const wall: number[] = [];
let last;
const profileTo = arg('--profile');
const session = profileTo ? new Session() : undefined;
session?.connect();
for (let k = 0; k < folds; k++) {
	// The first fold compiles the update paths; the profile is of the steady ones.
	if (k === 1 && session) {
		await session.post('Profiler.enable');
		await session.post('Profiler.start');
	}
	const t0 = performance.now();
	const c = process.cpuUsage();
	builder.add(late[k]!);
	last = await builder.report();
	cpu.push(cpuMs(process.cpuUsage(c)));
	wall.push(performance.now() - t0);
	console.log(`fold ${k + 1}: add(1000) + report() ${(performance.now() - t0).toFixed(0)} ms wall, ${cpu[k]!.toFixed(0)} ms CPU`);
}
if (session && profileTo) {
	const { profile } = await session.post('Profiler.stop');
	await writeFile(profileTo, JSON.stringify(profile));
	session.disconnect();
	console.log(`CPU profile of folds 2..${folds} in ${profileTo}`);
}
const later = cpu.slice(1).sort((a, b) => a - b);
const laterWall = wall.slice(1).sort((a, b) => a - b);
const wallMedian = laterWall[laterWall.length >> 1] ?? NaN;
if (later.length > 0) console.log(`folds 2..${folds}: median ${later[later.length >> 1]!.toFixed(0)} ms CPU, min ${later[0]!.toFixed(0)} ms; wall median ${wallMedian.toFixed(0)} ms; load average after: ${load()}; bare loop ${bareLoop().toFixed(0)} ms`);
if (process.argv.includes('--check')) console.log(`last report identical to computeReport of all samples: ${JSON.stringify(last) === JSON.stringify(computeReport(bundle))}`);
await spawned?.close();
