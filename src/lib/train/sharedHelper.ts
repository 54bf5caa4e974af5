// A GradientHelper on another thread over shared memory. Blocking by design (the optimiser's step
// is synchronous): start() hands the jobs over, finish() waits on a shared word. How the thread is
// started is the caller's (Node: worker_threads; the page: a Web Worker).
import type { ModelConfig } from './config';
import type { GradientHelper, SequenceResult } from './gradientHelper';
import { allocateJobs, COUNT, DONE, FAILED, GO, MODE, viewJobs, type SharedBuffers } from './sharedJobs';

export interface SharedHelper extends GradientHelper {
	close(): Promise<void>;
}

/** `spawn` starts a thread that runs serveGradientJobs(c, buffers) and returns how to stop it. */
export function createSharedHelper(c: ModelConfig, capacity: number, spawn: (buffers: SharedBuffers) => { terminate(): unknown }): SharedHelper {
	const jobs = viewJobs(c, allocateJobs(c, capacity));
	const thread = spawn(jobs.buffers);
	let started = 0;
	return {
		capacity,
		start(w, list, m) {
			if (list.length > capacity) throw new Error(`gradient helper: ${list.length} jobs, room for ${capacity}`);
			if (started !== Atomics.load(jobs.control, DONE)) throw new Error('gradient helper: start before the last finish');
			jobs.weights.set(w);
			list.forEach((job, j) => {
				const n = job.tokens.length;
				if (n > c.context) throw new Error(`gradient helper: a sequence of ${n} tokens, context ${c.context}`);
				jobs.tokensOf(j, n).set(job.tokens);
				jobs.targetOf(j, n).set(job.target);
				jobs.setJob(j, job.weight, n);
			});
			jobs.control[MODE] = m === 'traced' ? 0 : 1;
			jobs.control[COUNT] = list.length;
			started++;
			Atomics.store(jobs.control, GO, started);
			Atomics.notify(jobs.control, GO);
		},
		finish(): SequenceResult[] {
			while (Atomics.load(jobs.control, DONE) !== started) Atomics.wait(jobs.control, DONE, started - 1, 1000);
			if (jobs.control[FAILED]) throw new Error('gradient helper thread failed (its error is on the console)');
			const traced = jobs.control[MODE] === 0;
			return Array.from({ length: jobs.control[COUNT]! }, (_, j) => ({ ...jobs.resultOf(j), dense: jobs.denseOf(j), trace: traced ? jobs.traceOf(j) : null }));
		},
		async close() {
			Atomics.store(jobs.control, GO, -1);
			Atomics.notify(jobs.control, GO);
			await thread.terminate();
		}
	};
}
