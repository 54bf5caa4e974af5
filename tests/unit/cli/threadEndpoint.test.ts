// The command line's worker threads in the page's pool: a thread that dies is an error that says
// what to do, never a report that waits forever.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { computeReportInPool } from '../../../src/lib/workers/groupStatsPool';
import { threadEndpoint } from '../../../tools/cli/threadEndpoint';

const bundle = syntheticBundle({ models: 2, problems: 8, n: 4, words: 20, seed: 3 });
const thread = (code: string) => new Worker(code, { eval: true });

describe('threadEndpoint(worker)', () => {
	it('a thread that exits without an error event rejects the pool with its exit code and what to do', async () => {
		const worker = thread(`require('node:worker_threads').parentPort.on('message', () => process.exit(3));`);
		try {
			await expect(computeReportInPool(bundle, {}, [threadEndpoint(worker)], { whatToDo: 'Run the command again.' })).rejects.toThrow(
				"Worker 1 of the report's diversity stopped: the thread exited (code 3). Run the command again."
			);
		} finally {
			await worker.terminate();
		}
	});

	it('an error thrown in the thread is told with its message', async () => {
		const worker = thread(`require('node:worker_threads').parentPort.on('message', () => { throw new Error('no memory left'); });`);
		try {
			await expect(computeReportInPool(bundle, {}, [threadEndpoint(worker)])).rejects.toThrow("Worker 1 of the report's diversity stopped: no memory left.");
		} finally {
			await worker.terminate();
		}
	});

	it('messages arrive as events with data, and a removed listener hears nothing more', async () => {
		const worker = thread(`const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m * 2));`);
		const endpoint = threadEndpoint(worker);
		const heard: unknown[] = [];
		const listener = (e: Event) => heard.push((e as MessageEvent).data);
		endpoint.addEventListener('message', listener);
		endpoint.postMessage(21, []);
		await expect.poll(() => heard).toEqual([42]);
		endpoint.removeEventListener('message', listener);
		expect(worker.listenerCount('message')).toBe(0);
		endpoint.addEventListener('error', listener);
		endpoint.removeEventListener('error', listener);
		expect(worker.listenerCount('error') + worker.listenerCount('exit')).toBe(0);
		await worker.terminate();
	});
});
