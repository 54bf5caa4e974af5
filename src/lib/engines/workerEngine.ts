// The Engine seen from outside its worker: every call becomes a protocol request; aborts are
// forwarded so an in-flight completion stops inside the worker, not only on this side.
import type { ModelRef } from '../core/types';
import type { Completion, CompletionRequest, Engine, EngineInfo, LoadOptions, LoadProgress } from './types';
import type { EngineRequest, MessageEndpoint, ReplyValues } from './protocol';
import { isEngineReply } from './protocol';
import { AbortedError, rebuildError, WorkerCrashError, type EngineError } from './errors';

type Kind = Exclude<EngineRequest['kind'], 'abort'>;
type Body<K extends Kind> = Omit<Extract<EngineRequest, { kind: K }>, 'id' | 'kind'>;

interface Pending {
	resolve(value: unknown): void;
	reject(error: EngineError): void;
	onProgress?: (p: LoadProgress) => void;
}

export class WorkerEngine implements Engine {
	#pending = new Map<string, Pending>();
	#dead: EngineError | undefined;

	constructor(
		private readonly endpoint: MessageEndpoint,
		private readonly onTerminate?: () => void
	) {
		endpoint.addEventListener('message', (event: MessageEvent) => {
			const m: unknown = event.data;
			if (!isEngineReply(m)) return;
			const p = this.#pending.get(m.id);
			if (!p) return;
			if (m.kind === 'progress') return p.onProgress?.(m.progress);
			this.#pending.delete(m.id);
			if (m.kind === 'result') p.resolve(m.value);
			else p.reject(rebuildError(m.error));
		});
	}

	/** Fails every pending and future call: the worker behind this proxy is gone. */
	crashed(error: EngineError = new WorkerCrashError()): void {
		this.#dead = error;
		for (const p of this.#pending.values()) p.reject(error);
		this.#pending.clear();
	}

	#call<K extends Kind>(kind: K, body: Body<K>, signal?: AbortSignal, onProgress?: (p: LoadProgress) => void): Promise<ReplyValues[K]> {
		if (this.#dead) return Promise.reject(this.#dead);
		if (signal?.aborted) return Promise.reject(new AbortedError());
		const id = crypto.randomUUID();
		return new Promise<ReplyValues[K]>((resolve, reject) => {
			const onAbort = () => {
				this.endpoint.postMessage({ kind: 'abort', id: crypto.randomUUID(), target: id } satisfies EngineRequest);
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.#pending.set(id, {
				resolve: (v) => {
					signal?.removeEventListener('abort', onAbort);
					resolve(v as ReplyValues[K]);
				},
				reject: (e) => {
					signal?.removeEventListener('abort', onAbort);
					reject(e);
				},
				onProgress
			});
			this.endpoint.postMessage({ kind, id, ...body } as EngineRequest);
		});
	}

	async load(model: ModelRef, onProgress: (p: LoadProgress) => void, signal: AbortSignal, options: LoadOptions = {}): Promise<void> {
		await this.#call('load', { model, options }, signal, onProgress);
	}

	complete(request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
		return this.#call('complete', { request }, signal);
	}

	async unload(): Promise<void> {
		await this.#call('unload', {});
	}

	info(): Promise<EngineInfo> {
		return this.#call('info', {});
	}

	/** Ends the worker; pending calls fail with an AbortedError. */
	terminate(): void {
		this.crashed(new AbortedError('The engine was shut down.'));
		this.onTerminate?.();
	}
}

/** Wraps a real Worker: its crash (an uncaught error) fails the pending calls with words. */
export function workerEngine(worker: Worker): WorkerEngine {
	const engine = new WorkerEngine(worker, () => worker.terminate());
	worker.addEventListener('error', (event) => {
		event.preventDefault();
		engine.crashed(new WorkerCrashError(`The engine worker stopped: ${event.message || 'unknown error'}. Reload the page and resume the run.`));
	});
	return engine;
}
