// The trainer's gradient helper on a Node worker thread: the second core of models:train.
import { Worker } from 'node:worker_threads';
import type { ModelConfig } from '../../../src/lib/train/config';
import { createSharedHelper, type SharedHelper } from '../../../src/lib/train/sharedHelper';

export function createThreadHelper(c: ModelConfig, capacity: number): SharedHelper {
	return createSharedHelper(c, capacity, (buffers) => {
		const worker = new Worker(new URL('./gradientWorker.js', import.meta.url), { workerData: { config: c, buffers } });
		worker.unref();
		return worker;
	});
}
