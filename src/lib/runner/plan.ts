// The ordered work of a study (pure): for each model in order, for each problem, the greedy
// sample (when enabled) then samples 0..n-1, each with its derived seed. Samples of one problem
// are consecutive so the engine can reuse the prompt's prefill across them.
import { GREEDY_INDEX, sampleKey, type ModelRef, type Problem, type SamplingParams } from '../core/types';
import { sampleSeed } from '../core/random';

export interface Task {
	model: string;
	problem: string;
	index: number;
	seed: number;
}

export function planTasks(studySeed: number, models: readonly Pick<ModelRef, 'id' | 'order'>[], problems: readonly Pick<Problem, 'id'>[], sampling: SamplingParams): Task[] {
	const tasks: Task[] = [];
	const ordered = [...models].sort((a, b) => a.order - b.order);
	const indices = [...(sampling.greedy ? [GREEDY_INDEX] : []), ...Array.from({ length: sampling.n }, (_, i) => i)];
	for (const m of ordered) {
		for (const p of problems) {
			for (const index of indices) tasks.push({ model: m.id, problem: p.id, index, seed: sampleSeed(studySeed, m.id, p.id, index) });
		}
	}
	return tasks;
}

/** The tasks not yet done, in plan order. */
export function remainingTasks(tasks: readonly Task[], done: ReadonlySet<string>): Task[] {
	return tasks.filter((t) => !done.has(sampleKey(t)));
}
