// Which engine runs which model: the engine registry (src/lib/engines/registry.ts) says, kind by
// kind. Factories load lazily (prepare), so a run only loads the engines its models use. A kind
// whose models run several at once (lanes) gets one engine instance, so one worker, per lane.
import type { EngineKind, ModelRef } from '../core/types';
import type { Engine } from '../engines/types';
import { EngineError } from '../engines/errors';
import { ENGINE_KINDS, type EngineContext, type EngineFactory, type EngineKindSpec } from '../engines/registry';

export class EnginePool {
	#engines = new Map<string, Engine & { terminate?: () => void }>();
	#factories = new Map<string, EngineFactory | undefined>();

	/** `kinds`: the registry's table (tests give their own). */
	constructor(
		private readonly context: EngineContext = {},
		private readonly kinds: Record<EngineKind, EngineKindSpec> = ENGINE_KINDS
	) {}

	/** Loads the factory of every engine kind among the models, once. */
	async prepare(models: readonly ModelRef[]): Promise<void> {
		for (const m of models) {
			const spec = this.kinds[m.engine];
			if (!spec.pool || this.#factories.has(spec.pool)) continue;
			this.#factories.set(spec.pool, await spec.factory?.());
		}
	}

	/** Requests to keep in flight for this model (the registry's figure for its kind); undefined = one at a time. */
	concurrencyFor(model: ModelRef): number | undefined {
		return this.kinds[model.engine].concurrency?.(this.context);
	}

	/** Models of this one's kind to run at once (the registry's figure); undefined = one. */
	lanesFor(model: ModelRef): number | undefined {
		return this.kinds[model.engine].lanes?.(this.context, model);
	}

	engineFor(model: ModelRef, fresh: boolean, lane = 0): Engine {
		const spec = this.kinds[model.engine];
		// A server engine holds one model's address and key: one instance per model.
		const pooled = spec.pool === 'openai' ? `openai:${model.id}` : spec.pool;
		const key = pooled && lane > 0 ? `${pooled}#${lane}` : pooled;
		let engine = key ? this.#engines.get(key) : undefined;
		if (engine && !fresh) return engine;
		engine?.terminate?.();
		const create = spec.pool ? this.#factories.get(spec.pool) : undefined;
		if (!key || !create) throw new EngineError('unsupported', `Model "${model.label}" uses the ${model.engine} engine, which this build cannot run.`);
		engine = create(model, this.context);
		this.#engines.set(key, engine);
		return engine;
	}

	dispose(): void {
		for (const e of this.#engines.values()) e.terminate?.();
		this.#engines.clear();
	}
}
