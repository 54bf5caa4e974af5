// WebLLM as seen from the page (or the runner worker): an Engine proxy and the catalogue's cache
// operations, both talking to one WebLLM worker created on first use.
import type { ModelRecord } from '@mlc-ai/web-llm';
import { workerEngine, type WorkerEngine } from '../workerEngine';
import { rebuildError, WorkerCrashError, type EngineError } from '../errors';
import { isCacheReply, type CacheReplyValues, type CacheRequest } from './cacheProtocol';
import type { CachedModel } from './modelCache';

export function createWebllmWorker(): Worker {
	return new Worker(new URL('./webllm.worker.ts', import.meta.url), { type: 'module', name: 'webllm' });
}

/** An Engine for the runner: a fresh WebLLM worker behind the engine protocol. */
export function createWebllmEngine(): WorkerEngine {
	return workerEngine(createWebllmWorker());
}
/** The name the runner's engine pool looks for (src/lib/runner/engines.ts). */
export const createWebLlmEngine = createWebllmEngine;

type CacheKind = CacheRequest['kind'];
type CacheBody<K extends CacheKind> = Omit<Extract<CacheRequest, { kind: K }>, 'id' | 'kind'>;

/** Engine plus model list and cache, sharing one worker (so a download and its listing agree). */
export class WebllmClient {
	readonly engine: WorkerEngine;
	#worker: Worker;
	#pending = new Map<string, { resolve(v: unknown): void; reject(e: EngineError): void }>();

	constructor(worker: Worker = createWebllmWorker()) {
		this.#worker = worker;
		this.engine = workerEngine(worker);
		worker.addEventListener('message', (event: MessageEvent) => {
			const m: unknown = event.data;
			if (!isCacheReply(m)) return;
			const p = this.#pending.get(m.id);
			if (!p) return;
			this.#pending.delete(m.id);
			if (m.kind === 'webllm-result') p.resolve(m.value);
			else p.reject(rebuildError(m.error));
		});
		worker.addEventListener('error', () => {
			for (const p of this.#pending.values()) p.reject(new WorkerCrashError('The WebLLM worker stopped. Reload the page.'));
			this.#pending.clear();
		});
	}

	#call<K extends CacheKind>(kind: K, body: CacheBody<K>): Promise<CacheReplyValues[K]> {
		const id = crypto.randomUUID();
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve: (v) => resolve(v as CacheReplyValues[K]), reject });
			this.#worker.postMessage({ kind, id, ...body } as CacheRequest);
		});
	}

	models(): Promise<{ version: string; models: ModelRecord[] }> {
		return this.#call('webllm-models', {});
	}

	cacheStatus(sources: string[]): Promise<CachedModel[]> {
		return this.#call('webllm-cache-status', { sources });
	}

	deleteCached(source: string): Promise<null> {
		return this.#call('webllm-cache-delete', { source });
	}

	terminate(): void {
		this.engine.terminate();
	}
}
