// The wllama engine as seen from outside: a proxy to its own worker.
import { workerEngine, type WorkerEngine } from '../workerEngine';

export interface WllamaWorkerOptions {
	/** Reuse the KV cache of a shared prompt prefix (default true); false only for measurements. */
	cachePrompt?: boolean;
}

export function createWllamaEngine(options: WllamaWorkerOptions = {}): WorkerEngine {
	const worker = new Worker(new URL('./wllama.worker.ts', import.meta.url), {
		type: 'module',
		name: options.cachePrompt === false ? 'wllama-nocache' : 'wllama'
	});
	return workerEngine(worker);
}
