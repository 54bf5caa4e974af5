// Node worker threads holding model parts, as endpoints of createPartedReportBuilder.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { PartEndpoint } from '../../src/lib/workers/partedReportBuilder';

export interface PartThreads {
	endpoints: PartEndpoint[];
	close(): Promise<void>;
}

export function spawnModelParts(count: number): PartThreads {
	const workers: Worker[] = [];
	const endpoints = Array.from({ length: count }, (): PartEndpoint => {
		const { port1, port2 } = new MessageChannel();
		const worker = new Worker(new URL('./modelPartWorker.js', import.meta.url), { workerData: { port: port2 }, transferList: [port2] });
		workers.push(worker);
		const crashes = new Map<(event: Event) => void, (e: Error) => void>();
		port1.start();
		return {
			postMessage: (message) => port1.postMessage(message),
			addEventListener(type, listener) {
				if (type === 'message') return port1.addEventListener('message', listener);
				// The worker's crash, as the 'error' event a Web Worker would fire.
				const onError = (e: Error) => listener(Object.assign(new Event('error'), { message: e.message }));
				crashes.set(listener, onError);
				worker.on('error', onError);
			},
			removeEventListener(type, listener) {
				if (type === 'message') return port1.removeEventListener('message', listener);
				const onError = crashes.get(listener);
				if (onError) worker.off('error', onError);
			}
		};
	});
	return {
		endpoints,
		async close() {
			await Promise.all(workers.map((w) => w.terminate()));
		}
	};
}
