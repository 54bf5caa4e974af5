// The wllama Engine: GGUF models on llama.cpp compiled to WebAssembly (CPU, or WebGPU when the
// adapter has shader-f16). It runs inside the engine worker; wllama spawns its own worker below.
import type { Wllama as WllamaClass, WllamaChatMessage } from '@wllama/wllama';
import type { ModelRef } from '../../core/types';
import type { Completion, CompletionRequest, Engine, EngineInfo, LoadOptions, LoadProgress } from '../types';
import { AbortedError, DeviceLostError, EngineError, ModelFileError, ModelLoadError, NotLoadedError, WorkerCrashError, toEngineError } from '../errors';
import { checkGgufBounds, isGgufError, readGgufHeader } from '../../gguf';
import { LogTail } from './logTail';
import { resolveModelSource } from './modelSource';
import { checkBuiltinFile, resolveBuiltinFile } from './builtinFile';
import { download } from './download';
import { contextOptions } from './contextOptions';

export const WLLAMA_VERSION = '3.13.0';

export interface WllamaEngineOptions {
	/** URL of wllama.wasm, served by the app itself (never a CDN). */
	wasmUrl: string;
	/** Context length; prompts plus max tokens must fit. */
	nCtx?: number;
	/** Threads: 'auto' picks several only when the page is cross-origin isolated and the model is large. */
	threads?: number | 'auto';
	/** Let llama.cpp reuse the KV cache of a shared prompt prefix across requests (default true). */
	cachePrompt?: boolean;
}

const HEADER_BYTES = 32 << 20;

/** Reads enough of the file to check it is a complete GGUF before llama.cpp sees it. */
async function checkFile(blob: Blob, label: string): Promise<void> {
	if (blob.size === 0) throw new ModelFileError(`The file for "${label}" is empty.`);
	const head = new Uint8Array(await blob.slice(0, Math.min(blob.size, HEADER_BYTES)).arrayBuffer());
	try {
		const header = readGgufHeader(head);
		checkGgufBounds(header, blob.size);
	} catch (e) {
		// A header longer than what was read is not an error of the file: let llama.cpp judge it.
		if (isGgufError(e, 'truncated') && blob.size > HEADER_BYTES && !/beyond|ends at/.test(e.message)) return;
		if (isGgufError(e)) throw new ModelFileError(`"${label}" cannot be loaded: ${e.message}`);
		throw e;
	}
}

async function hasShaderF16(): Promise<boolean> {
	const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ features: Set<string> } | null> } }).gpu;
	if (!gpu) return false;
	try {
		const adapter = await gpu.requestAdapter();
		return !!adapter?.features.has('shader-f16');
	} catch {
		return false;
	}
}

export class WllamaEngine implements Engine {
	#wllama: WllamaClass | undefined;
	#model: ModelRef | undefined;
	#log = new LogTail();
	#threads = 1;
	#backend: EngineInfo['backend'] = 'wasm';

	constructor(private readonly options: WllamaEngineOptions) {}

	async load(model: ModelRef, onProgress: (p: LoadProgress) => void, signal: AbortSignal, options: LoadOptions = {}): Promise<void> {
		await this.unload();
		const source = resolveModelSource(model, options);
		onProgress({ fraction: 0, text: `Preparing ${model.label}` });
		// A built-in model is only ever the app's own file, by id, checked against the manifest's sha256.
		const builtin = model.engine === 'builtin' && source.type === 'url' ? await resolveBuiltinFile(model, options.baseUrl ?? '', signal) : undefined;
		const blob = source.type === 'file' ? source.file : await download(builtin?.url ?? source.url, source.cache, onProgress, signal);
		if (signal.aborted) throw new AbortedError();
		if (builtin) await checkBuiltinFile(blob, builtin, model.label);
		await checkFile(blob, model.label);

		const { Wllama } = await import('@wllama/wllama');
		this.#log.clear();
		const push = (...a: unknown[]) => this.#log.push(...a);
		// A fresh instance per load: after a failed load an instance cannot load again.
		const wllama = new Wllama({ default: this.options.wasmUrl }, { logger: { debug: () => {}, log: push, warn: push, error: push } });
		wllama.setCompat(null);
		const isolated = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;
		const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
		const wanted = this.options.threads ?? 'auto';
		// Threads pay off only for models big enough that a token costs more than the synchronisation.
		this.#threads = !isolated ? 1 : wanted === 'auto' ? (blob.size > 64e6 ? Math.max(1, Math.min(4, cores)) : 1) : wanted;
		const gpu = blob.size > 64e6 && (await hasShaderF16());
		this.#backend = gpu ? 'webgpu' : 'wasm';
		onProgress({ fraction: undefined, text: `Loading ${model.label} into llama.cpp` });
		try {
			// Never pass a seed here: a load-time seed overrides every request's seed.
			await wllama.loadModel([blob], contextOptions({ modelBytes: blob.size, nCtx: this.options.nCtx ?? 4096, threads: this.#threads, gpu }));
			const info = wllama.getLoadedContextInfo();
			if (!info || !(info.n_vocab > 0)) throw new Error('empty vocabulary');
		} catch (e) {
			await wllama.exit().catch(() => {});
			if (signal.aborted) throw new AbortedError();
			const reason = this.#log.lastError() ?? (e instanceof Error ? e.message : String(e));
			const fileProblem = /magic|not within the file|corrupt|incomplete|unknown model architecture|key not found|wrong|invalid|gguf/i.test(reason);
			throw fileProblem
				? new ModelFileError(`"${model.label}" is not a usable GGUF model. llama.cpp says: ${reason}`)
				: new ModelLoadError(`"${model.label}" could not be loaded. llama.cpp says: ${reason}. If memory is short, try a smaller or more quantised model.`);
		}
		this.#wllama = wllama;
		this.#model = model;
		onProgress({ fraction: 1, text: `${model.label} is ready` });
	}

	async complete(req: CompletionRequest, signal: AbortSignal): Promise<Completion> {
		const wllama = this.#wllama;
		const model = this.#model;
		if (!wllama || !model) throw new NotLoadedError();
		if (signal.aborted) throw new AbortedError();
		const sampling = {
			max_tokens: req.maxTokens,
			temperature: req.temperature,
			top_p: req.temperature === 0 ? 1 : req.topP,
			// Plain temperature + top-p sampling: switch off llama-server's other default samplers.
			top_k: 0,
			min_p: 0,
			typical_p: 1,
			penalty_repeat: 1,
			penalty_freq: 0,
			penalty_present: 0,
			seed: req.seed,
			// The engine-wide switch (measurements) overrides the request's wish to reuse.
			cache_prompt: this.options.cachePrompt === false ? false : (req.cachePrompt ?? true),
			abortSignal: signal
		};
		const started = performance.now();
		let text = '';
		let tokens = 0;
		let reason: string | null | undefined;
		try {
			const prompt = req.prompt;
			if (model.chat === true || typeof prompt !== 'string') {
				const messages: WllamaChatMessage[] = typeof prompt === 'string' ? [{ role: 'user', content: prompt }] : prompt;
				// Streaming lets an abort stop generation between tokens instead of at the end.
				await wllama.createChatCompletion({
					...sampling,
					messages,
					stream: true,
					onData: (chunk) => {
						text += chunk.choices[0]?.delta.content ?? '';
						reason = chunk.choices[0]?.finish_reason ?? reason;
						if (chunk.usage) tokens = chunk.usage.completion_tokens;
						else if (chunk.timings) tokens = chunk.timings.predicted_n;
					}
				});
			} else {
				await wllama.createCompletion({
					...sampling,
					prompt,
					stop: req.stop,
					stream: true,
					onData: (chunk) => {
						text += chunk.choices[0]?.text ?? '';
						reason = chunk.choices[0]?.finish_reason ?? reason;
						if (chunk.usage) tokens = chunk.usage.completion_tokens;
						else if (chunk.timings) tokens = chunk.timings.predicted_n;
					}
				});
			}
		} catch (e) {
			if (signal.aborted) throw new AbortedError();
			const err = toEngineError(e);
			if (err.code !== 'unknown') throw err;
			// A lost GPU or a dead WASM runtime leaves this instance unusable: the runner pauses and,
			// on resume, loads the model again in a fresh engine.
			if (/device.{0,20}lost|GPUDevice/i.test(err.message)) throw new DeviceLostError();
			if (e instanceof Error && (e.name === 'WllamaRuntimeError' || /RuntimeError|out of memory|memory access out of bounds/i.test(err.message))) {
				await this.unload();
				throw new WorkerCrashError(`The model's WASM runtime stopped (${err.message}). Samples so far are kept; resume to reload the model.`);
			}
			if (/exceeds the available context size/i.test(err.message)) {
				throw new EngineError('inference', `The prompt does not fit the model's context (${err.message}). Use a shorter prompt template or a model with a longer context.`);
			}
			throw new EngineError('inference', `Generation failed: ${err.message}`);
		}
		if (signal.aborted) throw new AbortedError();
		const finish = reason === 'length' || (!reason && tokens >= req.maxTokens) ? 'length' : 'stop';
		return { text, tokens, ms: performance.now() - started, finish };
	}

	async unload(): Promise<void> {
		const w = this.#wllama;
		this.#wllama = undefined;
		this.#model = undefined;
		await w?.exit().catch(() => {});
	}

	async info(): Promise<EngineInfo> {
		const threads = this.#threads === 1 ? '1 thread' : `${this.#threads} threads`;
		return { name: `wllama ${WLLAMA_VERSION} (${this.#backend}, ${threads})`, backend: this.#backend };
	}
}
