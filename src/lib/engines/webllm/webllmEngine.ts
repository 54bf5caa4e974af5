// The Engine for WebLLM. It lives inside the WebLLM worker (webllm.worker.ts) and drives an
// MLCEngine there; the page talks to it through the engine protocol. Dependencies come in as
// parameters so the retry and error logic is testable without a GPU.
import type { AppConfig, InitProgressReport, MLCEngineConfig } from '@mlc-ai/web-llm';
import type { ModelRef } from '../../core/types';
import type { Completion, CompletionRequest, Engine, EngineInfo, LoadProgress } from '../types';
import { AbortedError, EngineError, NotLoadedError, toEngineError } from '../errors';
import { classifyWebllmError, isRetryableDownload } from './classifyError';
import { resolveTarget, type WebllmTarget } from './target';

/** The part of MLCEngine this adapter uses. */
export interface MlcEngineLike {
	reload(modelId: string): Promise<void>;
	unload(): Promise<void>;
	interruptGenerate(): void | Promise<void>;
	chat: {
		completions: {
			create(req: ChatRequest): Promise<{
				choices: { message: { content: string | null }; finish_reason?: string | null }[];
				usage?: { completion_tokens: number };
			}>;
		};
	};
	completions: {
		create(req: TextRequest): Promise<{
			choices: { text: string; finish_reason?: string | null }[];
			usage?: { completion_tokens: number };
		}>;
	};
}

interface Sampling {
	seed: number;
	temperature: number;
	top_p: number;
	max_tokens: number;
	stop?: string[];
	/** Every penalty in WebLLM 0.2.86's request type, set to neutral (see NEUTRAL_PENALTIES). */
	repetition_penalty: 1;
	frequency_penalty: 0;
	presence_penalty: 0;
	n: 1;
	stream: false;
}

/**
 * A model's own config may set a repetition penalty (some mlc-chat-config.json files do) and
 * WebLLM applies it when a request leaves it out: then a sample is not the plain temperature + top-p
 * sample the study records. Every request sets each penalty to its neutral value.
 */
export const NEUTRAL_PENALTIES = { repetition_penalty: 1, frequency_penalty: 0, presence_penalty: 0 } as const;
export type ChatRequest = Sampling & { messages: { role: 'system' | 'user' | 'assistant'; content: string }[] };
export type TextRequest = Sampling & { prompt: string };

export interface WebllmDeps {
	createEngine(config: MLCEngineConfig): MlcEngineLike;
	appConfig: AppConfig;
	version: string;
	/** Remove every cached file of a model (WebLLM's deleteModelAllInfoInCache). */
	deleteCached(modelId: string, appConfig: AppConfig): Promise<void>;
	online(): boolean;
	sleep(ms: number): Promise<void>;
	now(): number;
}

/** Retries of a download that broke off after making progress; each resumes from cached files. */
export const DOWNLOAD_RETRIES = 3;
const RETRY_DELAYS_MS = [1000, 3000, 8000];

export class WebllmEngine implements Engine {
	#deps: WebllmDeps;
	#engine: MlcEngineLike | undefined;
	#target: WebllmTarget | undefined;
	#chat = true;

	constructor(deps: WebllmDeps) {
		this.#deps = deps;
	}

	async load(model: ModelRef, onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<void> {
		await this.unload();
		const target = resolveTarget(model, this.#deps.appConfig);
		const ctx = { model: target.modelId, host: target.host, online: true };
		let cleaned = false;
		for (let attempt = 0; ; attempt++) {
			let progressed = false;
			const engine = this.#deps.createEngine({
				appConfig: target.appConfig,
				initProgressCallback: (r: InitProgressReport) => {
					if (r.progress > 0) progressed = true;
					onProgress(toProgress(r));
				}
			});
			const onAbort = () => void engine.unload();
			signal.addEventListener('abort', onAbort);
			try {
				if (signal.aborted) throw new AbortedError();
				await engine.reload(target.modelId);
				// WebLLM's reload returns quietly when unload() aborted it.
				if (signal.aborted) throw new AbortedError();
				this.#engine = engine;
				this.#target = target;
				this.#chat = model.chat !== false;
				return;
			} catch (e) {
				await engine.unload().catch(() => undefined);
				if (signal.aborted) throw new AbortedError();
				const err = classifyWebllmError(e, { ...ctx, online: this.#deps.online() });
				if (isRetryableDownload(err)) {
					// A download that never started (offline, blocked) fails at once; one that broke
					// off mid-way resumes: WebLLM keeps each finished file in the cache.
					if (!progressed || attempt >= DOWNLOAD_RETRIES) throw err;
					onProgress({
						fraction: undefined,
						text: `Download interrupted; retrying (${attempt + 1} of ${DOWNLOAD_RETRIES})…`
					});
					await this.#deps.sleep(RETRY_DELAYS_MS[attempt] ?? 8000);
					continue;
				}
				if (err.code === 'model-load' && !cleaned) {
					// A load that fails after the files arrived may come from a damaged cache entry:
					// clear this model's cache once and download it afresh.
					cleaned = true;
					onProgress({ fraction: undefined, text: 'The cached copy looks damaged; deleting it and downloading again…' });
					await this.#deps.deleteCached(target.modelId, target.appConfig).catch(() => undefined);
					continue;
				}
				throw err;
			} finally {
				signal.removeEventListener('abort', onAbort);
			}
		}
	}

	async complete(req: CompletionRequest, signal: AbortSignal): Promise<Completion> {
		const engine = this.#engine;
		const target = this.#target;
		if (!engine || !target) throw new NotLoadedError();
		if (signal.aborted) throw new AbortedError();
		const sampling: Sampling = {
			seed: req.seed,
			temperature: req.temperature,
			top_p: req.topP,
			max_tokens: req.maxTokens,
			...(req.stop?.length ? { stop: req.stop } : {}),
			...NEUTRAL_PENALTIES,
			// One request per sample, each with its own seed: WebLLM's n > 1 shares one seed.
			n: 1,
			stream: false
		};
		const onAbort = () => void engine.interruptGenerate();
		signal.addEventListener('abort', onAbort);
		const t0 = this.#deps.now();
		try {
			let text: string;
			let tokens: number | undefined;
			let reason: string | null | undefined;
			if (this.#chat || Array.isArray(req.prompt)) {
				const messages = Array.isArray(req.prompt) ? req.prompt : [{ role: 'user' as const, content: req.prompt }];
				const r = await engine.chat.completions.create({ ...sampling, messages });
				text = r.choices[0]?.message.content ?? '';
				tokens = r.usage?.completion_tokens;
				reason = r.choices[0]?.finish_reason;
			} else {
				const r = await engine.completions.create({ ...sampling, prompt: req.prompt });
				text = r.choices[0]?.text ?? '';
				tokens = r.usage?.completion_tokens;
				reason = r.choices[0]?.finish_reason;
			}
			if (signal.aborted) throw new AbortedError();
			const finish = reason === 'length' || (!reason && tokens !== undefined && tokens >= req.maxTokens) ? 'length' : 'stop';
			return { text, tokens: tokens ?? 0, ms: this.#deps.now() - t0, finish };
		} catch (e) {
			if (signal.aborted) throw new AbortedError();
			const err = classifyWebllmError(e, { model: target.modelId, host: target.host, online: this.#deps.online() });
			throw err.code === 'model-load' ? new EngineError('inference', err.message.replace('could not be loaded', 'failed while generating')) : err;
		} finally {
			signal.removeEventListener('abort', onAbort);
		}
	}

	async unload(): Promise<void> {
		const engine = this.#engine;
		this.#engine = undefined;
		this.#target = undefined;
		if (engine) await engine.unload().catch((e: unknown) => Promise.reject(toEngineError(e)));
	}

	async info(): Promise<EngineInfo> {
		const model = this.#target ? `, ${this.#target.modelId}` : '';
		return { name: `WebLLM ${this.#deps.version} (webgpu${model})`, backend: 'webgpu' };
	}
}

function toProgress(r: InitProgressReport): LoadProgress {
	return {
		fraction: Number.isFinite(r.progress) ? Math.max(0, Math.min(1, r.progress)) : undefined,
		text: r.text
	};
}
