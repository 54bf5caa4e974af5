// Which engine runs which model. wllama serves both GGUF models and the built-in ones; WebLLM's
// adapter (helper E2's src/lib/engines/webllm) is picked up when present.
import type { ModelRef } from '../core/types';
import type { Engine } from '../engines/types';
import { EngineError } from '../engines/errors';
import { createWllamaEngine } from '../engines/wllama';

type Factory = () => Engine;
const webllmModules = import.meta.glob<{ createWebLlmEngine?: Factory }>('../engines/webllm/index.ts');

export class EnginePool {
	#engines = new Map<string, Engine & { terminate?: () => void }>();
	#webllm: Factory | undefined;

	constructor(private readonly options: { cachePrompt?: boolean } = {}) {}

	/** Loads WebLLM's adapter module once, if this build has it. */
	async prepare(models: readonly ModelRef[]): Promise<void> {
		if (!models.some((m) => m.engine === 'webllm') || this.#webllm) return;
		const load = Object.values(webllmModules)[0];
		const mod = load ? await load() : undefined;
		this.#webllm = mod?.createWebLlmEngine;
	}

	engineFor(model: ModelRef, fresh: boolean): Engine {
		const kind = model.engine === 'builtin' ? 'wllama' : model.engine;
		let engine = this.#engines.get(kind);
		if (engine && !fresh) return engine;
		engine?.terminate?.();
		if (kind === 'wllama') engine = createWllamaEngine(this.options);
		else if (kind === 'webllm' && this.#webllm) engine = this.#webllm();
		else throw new EngineError('unsupported', `Model "${model.label}" uses the ${model.engine} engine, which this build cannot run.`);
		this.#engines.set(kind, engine);
		return engine;
	}

	dispose(): void {
		for (const e of this.#engines.values()) e.terminate?.();
		this.#engines.clear();
	}
}
