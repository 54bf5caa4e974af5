// A GradientHelper on a Node worker thread: the trainer's second core. Blocking by design (the
// optimiser's step is synchronous): start() hands the jobs over, finish() waits on a shared word.
import { Worker } from 'node:worker_threads';
import type { ModelConfig } from '../../../src/lib/train/config';
import type { GradientHelper, SequenceResult } from '../../../src/lib/train/gradientHelper';
import { allocateJobs, COUNT, DONE, FAILED, GO, MODE, viewJobs } from './sharedJobs';

export interface ThreadHelper extends GradientHelper {
	close(): Promise<void>;
}

export function createThreadHelper(c: ModelConfig, capacity: number): ThreadHelper {
	const jobs = viewJobs(c, allocateJobs(c, capacity));
	const worker = new Worker(new URL('./gradientWorker.js', import.meta.url), { workerData: { config: c, buffers: jobs.buffers } });
	worker.unref();
	let started = 0;
	let lengths: number[] = [];
	let mode: 'traced' | 'whole' = 'traced';
	return {
		capacity,
		start(w, list, m) {
			if (list.length > capacity) throw new Error(`gradient helper: ${list.length} jobs, room for ${capacity}`);
			if (started !== Atomics.load(jobs.control, DONE)) throw new Error('gradient helper: start before the last finish');
			jobs.weights.set(w);
			lengths = list.map((job, j) => {
				const n = job.tokens.length;
				if (n > c.context) throw new Error(`gradient helper: a sequence of ${n} tokens, context ${c.context}`);
				jobs.tokensOf(j, n).set(job.tokens);
				jobs.targetOf(j, n).set(job.target);
				jobs.meta[j * 4] = job.weight;
				jobs.meta[j * 4 + 3] = n;
				return n;
			});
			mode = m;
			jobs.control[MODE] = m === 'traced' ? 0 : 1;
			jobs.control[COUNT] = list.length;
			started++;
			Atomics.store(jobs.control, GO, started);
			Atomics.notify(jobs.control, GO);
		},
		finish(): SequenceResult[] {
			while (Atomics.load(jobs.control, DONE) !== started) Atomics.wait(jobs.control, DONE, started - 1, 1000);
			if (jobs.control[FAILED]) throw new Error('gradient helper thread failed (its error is on stderr)');
			return lengths.map((_, j) => ({ loss: jobs.meta[j * 4 + 1]!, count: jobs.meta[j * 4 + 2]!, dense: jobs.denseOf(j), trace: mode === 'traced' ? jobs.traceOf(j) : null }));
		},
		async close() {
			Atomics.store(jobs.control, GO, -1);
			Atomics.notify(jobs.control, GO);
			await worker.terminate();
		}
	};
}
