// One self-improvement round of the paper's Algorithm 1, from the samples on: keep what the round's
// filter accepts (SFT) or pair accepted with rejected samples of the same problem (DPO), then train.
// The samples may come from the trainer's own decoder (Node) or from llama.cpp (the page); given the
// same samples, settings and start weights, the trained bytes are the same everywhere.
import type { ModelConfig } from './config';
import { exampleOf, isCorrect, type Example } from './data';
import { stepsAreRight } from './digits';
import { dpoGradient, preferencePairs } from './dpo';
import type { GradientHelper } from './gradientHelper';
import type { RoundStats, SampleGroup, TrainProblem } from './selfImprove';
import { createOptimizer, sftGradient, type Optimizer, type TrainOptions } from './train';

export type RoundKind = 'sft' | 'dpo';

/** 'answer': the strict '####' answer is right (the paper's filter); 'steps': and every calculator step too. */
export type RoundFilter = 'answer' | 'steps';

/** One sampled solution of a training problem. */
export interface PoolSample {
	problem: string;
	index: number;
	text: string;
	/** The model ended it (end-of-text) before the token cap: a cut-off text is never kept. */
	ended: boolean;
}

export type RoundTrain = Omit<TrainOptions, 'log' | 'onStep'>;

export interface RoundSettings {
	kind: RoundKind;
	filter: RoundFilter;
	/** SFT: passes over the kept samples; DPO: over the pairs. The step count is min(train.steps, ceil(items * epochs / batch)). */
	epochs: number;
	/** DPO only. */
	beta?: number;
	nll?: number;
	pairsPerProblem?: number;
	/** `train.seed` is the round's data-order seed as used (the caller adds the iteration if it wants). */
	train: RoundTrain;
}

export function accepts(filter: RoundFilter, text: string, gold: string): boolean {
	return isCorrect(text, gold) && (filter === 'answer' || stepsAreRight(text));
}

/** The pool's samples as training material: kept examples, per-problem groups, and the round's tallies. */
export function selectSamples(problems: readonly TrainProblem[], samples: readonly PoolSample[], filter: RoundFilter): { examples: Example[]; groups: SampleGroup[]; stats: RoundStats } {
	const byProblem = new Map<string, PoolSample[]>();
	for (const s of samples) {
		const list = byProblem.get(s.problem) ?? [];
		list.push(s);
		byProblem.set(s.problem, list);
	}
	const examples: Example[] = [];
	const groups: SampleGroup[] = [];
	const texts = new Set<string>();
	let covered = 0, count = 0;
	for (const p of problems) {
		const own = (byProblem.get(p.id) ?? []).slice().sort((a, b) => a.index - b.index);
		const group: SampleGroup = { problem: p.id, correct: [], incorrect: [] };
		groups.push(group);
		for (const s of own) {
			count++;
			if (!s.ended) continue;
			const e = exampleOf(p.question, s.text);
			if (accepts(filter, s.text, p.answer)) {
				examples.push(e);
				group.correct.push(e);
				texts.add(`${p.id}\u0000${s.text}`);
			} else group.incorrect.push(e);
		}
		if (group.correct.length) covered++;
	}
	return {
		examples,
		groups,
		stats: {
			problems: problems.length,
			samples: count,
			kept: examples.length,
			keptFraction: count ? examples.length / count : 0,
			problemsCovered: covered,
			distinctKept: examples.length ? texts.size / examples.length : 0
		}
	};
}

export interface PreparedRound {
	stats: RoundStats;
	/** Kept samples (SFT) or preference pairs (DPO): what the optimiser draws from. */
	items: number;
	options: RoundTrain;
	/** Null when there is nothing to train on: the round's model is its start model. */
	optimizer: Optimizer | null;
}

/**
 * Sets up the round's training on `w` (trained in place, one step per `optimizer.step()`). A
 * gradient helper (a second thread) changes the time taken, never the bytes trained.
 */
export function prepareRound(
	c: ModelConfig, w: Float64Array, problems: readonly TrainProblem[], samples: readonly PoolSample[], s: RoundSettings, helper: GradientHelper | null = null
): PreparedRound {
	const { examples, groups, stats } = selectSamples(problems, samples, s.filter);
	const stepsFor = (items: number): number => Math.min(s.train.steps, Math.ceil((items * s.epochs) / s.train.batch));
	if (s.kind === 'sft') {
		const options = { ...s.train, steps: stepsFor(examples.length) };
		return { stats, items: examples.length, options, optimizer: examples.length ? createOptimizer(c, w, examples, sftGradient(c, w, helper), options) : null };
	}
	// The reference is the model the samples came from, scored before it is trained.
	const pairs = preferencePairs(c, w, groups, s.pairsPerProblem ?? 2);
	const options = { ...s.train, steps: stepsFor(pairs.length) };
	return { stats, items: pairs.length, options, optimizer: pairs.length ? createOptimizer(c, w, pairs, dpoGradient(c, w, s.beta ?? 0.1, s.nll ?? 0, helper), options) : null };
}
