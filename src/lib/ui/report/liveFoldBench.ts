// Issue 14's incremental case in the page, driven by tools/bench/pageFolds.ts: a report worker of
// its own (the very module the page uses) takes the synthetic study less `folds` x 1,000 samples as
// a run in progress, then each set of 1,000 spread samples through addSamples(), as a running study
// feeds them. Each fold is timed from the main thread: the samples' trip to the worker, the live
// builder on both threads (with two cores), the report's trip back.
import * as Comlink from 'comlink';
import { bareLoop } from '$lib/bench/bareLoop';
import { spreadFolds, syntheticBundle } from '$lib/core/synthetic';
import type { ReportWorkerApi } from '$lib/workers/report.worker';

export interface LiveFoldResult {
	cores: number;
	samples: number;
	/** Bare loop (10^8 xorshift steps) on the main thread before and after, ms. */
	bareLoop: [number, number];
	/** setBundle of the study less the folds: the live builder and its first report, ms. */
	firstReport: number;
	/** Each fold's addSamples(1,000) as the main thread waits for it, and the worker's own report time, ms. */
	folds: { wall: number; worker: number }[];
	/** Median of folds 2.. (the first also compiles the update paths), ms. */
	median: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

/** `ready` runs after the first report and before the first fold (a profiler can start then). */
export async function liveFoldBench(folds: number, ready: () => Promise<void> = async () => {}): Promise<LiveFoldResult> {
	const before = bareLoop();
	const bundle = syntheticBundle({ models: 5, problems: 500, n: 64, greedy: true, words: 120, seed: 1 });
	const { rest, late } = spreadFolds(bundle.samples, folds);
	const worker = new Worker(new URL('../../workers/report.worker.ts', import.meta.url), { type: 'module' });
	try {
		const remote = Comlink.wrap<ReportWorkerApi>(worker);
		let t0 = performance.now();
		await remote.setBundle({ ...bundle, samples: rest }, 'fold benchmark');
		const firstReport = performance.now() - t0;
		await ready();
		const times: LiveFoldResult['folds'] = [];
		for (const samples of late) {
			t0 = performance.now();
			const loaded = await remote.addSamples(samples);
			times.push({ wall: performance.now() - t0, worker: loaded.timings.report });
		}
		return {
			cores: navigator.hardwareConcurrency,
			samples: bundle.samples.length,
			bareLoop: [before, bareLoop()],
			firstReport,
			folds: times,
			median: median(times.slice(1).map((f) => f.wall))
		};
	} finally {
		worker.terminate();
	}
}
