// The helper thread's loop: waits for a start, computes each job's sequence gradient into shared
// memory exactly as trainSequence computes it on the trainer's thread, and signals done. Blocks its
// thread until closed (a worker of its own: Node worker thread or Web Worker).
import type { ModelConfig } from './config';
import { computeSequence, matrixRanges } from './sequenceTrace';
import { COUNT, DONE, FAILED, GO, MODE, viewJobs, type SharedBuffers } from './sharedJobs';

export function serveGradientJobs(config: ModelConfig, buffers: SharedBuffers): void {
	const jobs = viewJobs(config, buffers);
	const ranges = matrixRanges(config);
	let seen = 0;
	for (;;) {
		Atomics.wait(jobs.control, GO, seen);
		seen = Atomics.load(jobs.control, GO);
		if (seen < 0) return;
		try {
			const traced = jobs.control[MODE] === 0;
			for (let j = 0; j < jobs.control[COUNT]!; j++) {
				const { weight, length } = jobs.jobOf(j);
				const r = computeSequence(config, jobs.weights, jobs.tokensOf(j, length), jobs.targetOf(j, length), weight, jobs.denseOf(j), traced ? jobs.traceOf(j) : null, ranges);
				jobs.setResult(j, r.loss, r.count);
			}
		} catch (err) {
			console.error('gradient helper thread:', err);
			Atomics.store(jobs.control, FAILED, 1);
		}
		Atomics.store(jobs.control, DONE, seen);
		Atomics.notify(jobs.control, DONE);
	}
}
