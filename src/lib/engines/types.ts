// The one Engine interface: implemented by each adapter (webllm, wllama, builtin) inside its
// worker, and by the worker proxy on the main side. The runner only ever sees this.
import type { ChatMessage, FinishReason, ModelRef, ServerEnvironment } from '../core/types';

export type { ChatMessage };

export interface LoadProgress {
	/** 0..1, or undefined while the total is unknown. */
	fraction: number | undefined;
	/** Words for the progress bar, e.g. "Downloading 120 / 340 MB". */
	text: string;
	loadedBytes?: number;
	totalBytes?: number;
}

export interface CompletionRequest {
	prompt: string | ChatMessage[];
	/** 0 = greedy. */
	temperature: number;
	topP: number;
	maxTokens: number;
	/** Per-request seed; engines must never take a load-time seed. */
	seed: number;
	/** Stop strings, in addition to the model's end-of-text token. */
	stop?: string[];
	/**
	 * Reuse the KV cache of a prompt prefix left by the previous request (default true). The
	 * runner turns it off for the first sample of each problem so that every sample's numerics
	 * depend only on its own problem, never on what ran before (resume = uninterrupted run).
	 */
	cachePrompt?: boolean;
}

export interface Completion {
	text: string;
	tokens: number;
	ms: number;
	/** Why generation ended: 'length' when it hit maxTokens. */
	finish: FinishReason;
}

export interface EngineInfo {
	/** e.g. "wllama 3.13.0 (wasm, 1 thread)" — recorded in every bundle. */
	name: string;
	backend: 'wasm' | 'webgpu' | 'server';
	/** An OpenAI-compatible server's own account of itself (engine 'openai'). */
	server?: ServerEnvironment;
}

/** Where a model's bytes come from when its ModelRef alone cannot say (added for wllama). */
export interface LoadOptions {
	/** A local file the user picked (GGUF for wllama). */
	file?: Blob;
	/** Absolute URL that built-in model names resolve against, e.g. "https://host/app/models/". */
	baseUrl?: string;
}

export interface Engine {
	load(model: ModelRef, onProgress: (p: LoadProgress) => void, signal: AbortSignal, options?: LoadOptions): Promise<void>;
	complete(req: CompletionRequest, signal: AbortSignal): Promise<Completion>;
	unload(): Promise<void>;
	info(): Promise<EngineInfo>;
}
