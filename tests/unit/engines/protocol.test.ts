import { describe, expect, it } from 'vitest';
import { serveEngine } from '../../../src/lib/engines/serveEngine';
import { WorkerEngine } from '../../../src/lib/engines/workerEngine';
import type { MessageEndpoint } from '../../../src/lib/engines/protocol';
import {
	AbortedError,
	ModelFileError,
	QuotaError,
	isEngineError,
	rebuildError,
	serializeError
} from '../../../src/lib/engines/errors';
import type { Completion, CompletionRequest, Engine, LoadProgress } from '../../../src/lib/engines/types';
import type { ModelRef } from '../../../src/lib/core/types';

const MODEL: ModelRef = { id: 'm', label: 'M', engine: 'wllama', source: 'https://x/m.gguf', order: 0 };

/** An engine whose behaviour each test scripts; the point is the protocol around it. */
class ScriptedEngine implements Engine {
	aborted: string[] = [];
	async load(model: ModelRef, onProgress: (p: LoadProgress) => void, _signal: AbortSignal, options?: { baseUrl?: string }) {
		onProgress({ fraction: 0.5, text: 'half' });
		if (model.source === 'bad') throw new ModelFileError('"M" is not a usable GGUF model. llama.cpp says: invalid magic');
		if (options?.baseUrl === 'full') throw new QuotaError();
	}
	complete(req: CompletionRequest, signal: AbortSignal): Promise<Completion> {
		if (req.maxTokens > 1000) {
			return new Promise((_, reject) =>
				signal.addEventListener('abort', () => {
					this.aborted.push(String(req.seed));
					reject(new AbortedError());
				})
			);
		}
		return Promise.resolve({ text: `seed ${req.seed}`, tokens: 3, ms: 1, finish: 'stop' });
	}
	async unload() {}
	async info() {
		return { name: 'scripted', backend: 'wasm' as const };
	}
}

function connect(engine: Engine): WorkerEngine {
	const channel = new MessageChannel();
	serveEngine(channel.port1 as unknown as MessageEndpoint, engine);
	channel.port1.start();
	channel.port2.start();
	return new WorkerEngine(channel.port2 as unknown as MessageEndpoint, () => channel.port1.close());
}

const req = (seed: number, maxTokens = 10): CompletionRequest => ({ prompt: 'p', temperature: 1, topP: 1, maxTokens, seed });

describe('WorkerEngine over serveEngine', () => {
	it('load(model, onProgress) forwards progress and resolves; complete(req) returns the engine result', async () => {
		const engine = connect(new ScriptedEngine());
		const progress: LoadProgress[] = [];
		await engine.load(MODEL, (p) => progress.push(p), new AbortController().signal);
		expect(progress).toEqual([{ fraction: 0.5, text: 'half' }]);
		const results = await Promise.all([1, 2, 3].map((s) => engine.complete(req(s), new AbortController().signal)));
		expect(results.map((r) => r.text)).toEqual(['seed 1', 'seed 2', 'seed 3']);
		expect(await engine.info()).toEqual({ name: 'scripted', backend: 'wasm' });
	});
	it('errors cross the boundary with their class, code and message', async () => {
		const engine = connect(new ScriptedEngine());
		const err = await engine.load({ ...MODEL, source: 'bad' }, () => {}, new AbortController().signal).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ModelFileError);
		expect(isEngineError(err, 'model-invalid')).toBe(true);
		expect((err as Error).message).toMatch(/invalid magic/);
		const quota = await engine.load(MODEL, () => {}, new AbortController().signal, { baseUrl: 'full' }).catch((e: unknown) => e);
		expect(quota).toBeInstanceOf(QuotaError);
		expect(isEngineError(quota, 'quota-exceeded')).toBe(true);
	});
	it('aborting the signal of complete() aborts the request inside the worker', async () => {
		const scripted = new ScriptedEngine();
		const engine = connect(scripted);
		const controller = new AbortController();
		const pending = engine.complete(req(42, 5000), controller.signal);
		setTimeout(() => controller.abort(), 20);
		const err = await pending.catch((e: unknown) => e);
		expect(isEngineError(err, 'aborted')).toBe(true);
		expect(scripted.aborted).toEqual(['42']);
	});
	it('crashed() fails pending and later calls with a worker-crashed error', async () => {
		const engine = connect(new ScriptedEngine());
		const pending = engine.complete(req(1, 5000), new AbortController().signal);
		engine.crashed();
		expect(isEngineError(await pending.catch((e: unknown) => e), 'worker-crashed')).toBe(true);
		expect(isEngineError(await engine.info().catch((e: unknown) => e), 'worker-crashed')).toBe(true);
	});
});

describe('errors', () => {
	it('rebuildError(serializeError(e)) keeps the class; unknown values become code "unknown"', () => {
		const back = rebuildError(serializeError(new QuotaError()));
		expect(back).toBeInstanceOf(QuotaError);
		expect(back.name).toBe('QuotaError');
		expect(serializeError('boom')).toEqual({ name: 'EngineError', code: 'unknown', message: 'boom' });
		expect(serializeError(new DOMException('x', 'AbortError')).code).toBe('aborted');
		expect(serializeError(new DOMException('x', 'QuotaExceededError')).code).toBe('quota-exceeded');
	});
});
