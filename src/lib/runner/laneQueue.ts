// The work of models that may run at once, each lane (engine instance) taking one model at a time
// (pure). A free lane takes the next model not yet started, in order; when every model has
// started, it joins the one with the most work left, if that is worth loading the model a second
// time, so the last model does not finish alone on one lane while the others idle. Work is handed
// out a problem at a time: a problem's samples stay on one engine, whose prompt cache they share.
import type { Task } from './plan';

/**
 * Tasks a model must have left for another lane to join it. Joining pays once the work left takes
 * longer than a load: loading a built-in model costs about as much as 25 of its samples (1.4 s
 * against about 55 ms a sample on a 2-core machine). Twice that, for margin.
 */
export const JOIN_MIN_TASKS = 50;

export class LaneQueue {
	/** Each model's problems not yet handed out, in plan order. */
	readonly #left = new Map<string, Task[][]>();
	readonly #tasksLeft = new Map<string, number>();
	readonly #started = new Set<string>();
	readonly #lanes = new Map<string, number>();

	/** `models` in run order; `tasks` those still to take, in plan order. */
	constructor(
		readonly models: readonly string[],
		tasks: readonly Task[],
		private readonly joinMinTasks = JOIN_MIN_TASKS
	) {
		for (const m of models) {
			this.#left.set(m, []);
			this.#tasksLeft.set(m, 0);
		}
		for (const t of tasks) {
			const groups = this.#left.get(t.model);
			if (!groups) continue;
			const last = groups.at(-1);
			if (last && last[0]?.problem === t.problem) last.push(t);
			else groups.push([t]);
			this.#tasksLeft.set(t.model, (this.#tasksLeft.get(t.model) ?? 0) + 1);
		}
		// A model with nothing left is never loaded.
		for (const m of models) if (!this.#tasksLeft.get(m)) this.#started.add(m);
	}

	/** The model a free lane takes up next (and is counted on), or undefined when it can stop. */
	pick(): string | undefined {
		let model = this.models.find((m) => !this.#started.has(m));
		if (model) this.#started.add(model);
		else {
			let most = this.joinMinTasks - 1;
			for (const m of this.models) {
				const left = this.#tasksLeft.get(m) ?? 0;
				if ((this.#lanes.get(m) ?? 0) > 0 && left > most) [model, most] = [m, left];
			}
		}
		if (model) this.#lanes.set(model, (this.#lanes.get(model) ?? 0) + 1);
		return model;
	}

	/** The next problem's tasks of `model`, or undefined when all are handed out. */
	take(model: string): Task[] | undefined {
		const group = this.#left.get(model)?.shift();
		if (group) this.#tasksLeft.set(model, (this.#tasksLeft.get(model) ?? 0) - group.length);
		return group;
	}

	/** A lane is done with `model`. */
	leave(model: string): void {
		this.#lanes.set(model, Math.max(0, (this.#lanes.get(model) ?? 0) - 1));
	}

	/** The models some lane is on, in run order. */
	running(): string[] {
		return this.models.filter((m) => (this.#lanes.get(m) ?? 0) > 0);
	}
}

export interface Stage<M> {
	models: M[];
	/** Models of the stage that run at once (1: one after another). */
	lanes: number;
	/** A server model's requests in flight: such a model runs alone, its requests concurrent. */
	concurrency?: number;
}

/**
 * The run's models, in order, cut into stages that run one after another: consecutive models with
 * the same lanes figure share a stage; a server model (concurrent requests) has one of its own.
 */
export function laneStages<M>(models: readonly M[], lanesOf: (m: M) => number | undefined, concurrencyOf: (m: M) => number | undefined): Stage<M>[] {
	const stages: Stage<M>[] = [];
	for (const m of models) {
		const concurrency = concurrencyOf(m);
		if (concurrency !== undefined) {
			stages.push({ models: [m], lanes: 1, concurrency });
			continue;
		}
		const lanes = Math.max(1, Math.floor(lanesOf(m) ?? 1));
		const last = stages.at(-1);
		if (last && last.concurrency === undefined && last.lanes === lanes) last.models.push(m);
		else stages.push({ models: [m], lanes });
	}
	return stages;
}
