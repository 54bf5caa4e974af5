// The sampling half of a self-improvement round when llama.cpp samples in the Node tools (wllama in
// Chromium): which requests to make, and what comes back as pool samples. The page samples a pool as a
// study through its runner; with the 'runner' rule the Node tools ask for the same seeds, so the same
// round from the same model gives the same samples in both places.
import { hashString } from '../core/random';
import type { StudyConfig } from '../core/types';
import { planTasks } from '../runner/plan';
import { requestFor } from '../runner/requestFor';
import { PROMPT_TEMPLATE, promptOf } from './data';
import type { PoolSample } from './round';
import type { TrainProblem } from './selfImprove';

export interface PoolSampling {
	/** Samples per problem. */
	n: number;
	temperature: number;
	maxTokens: number;
	/** Base seed; each request's seed derives from it, the round, the problem and the sample index. */
	seed: number;
}

export interface PoolJob {
	problem: string;
	index: number;
	prompt: string;
	temperature: number;
	seed: number;
	/** As the page's runner sends them ('runner' rule); absent, the engine's defaults (the shipped family's pools). */
	cachePrompt?: boolean;
	stop?: string[];
}

/** The study the page runs to sample a round's pool from `model` (liveLoop), and whose requests the Node tools send. */
export function poolStudyConfig(id: string, name: string, s: PoolSampling, pool: { seed: number; count: number }, model: string): StudyConfig {
	return {
		id,
		name,
		seed: s.seed,
		sampling: { n: s.n, greedy: false, temperature: s.temperature, topP: 1, maxTokens: s.maxTokens },
		prompt: { style: 'raw', form: 'completion', text: PROMPT_TEMPLATE },
		extractor: 'gsm8k-strict',
		problemSet: { source: 'builtin', id: 'tiny-pool', seed: pool.seed, count: pool.count },
		reference: model
	};
}

/**
 * How a pool request's seed is derived. 'runner': the page runner's sample seed (pool seed, the
 * sampled model's id, problem, index), the rule of sweep 2 (README). 'round': (pool seed, round,
 * problem, index), the rule the shipped family was built with; it goes when sweep 2's family ships.
 */
export type PoolSeedRule = 'runner' | 'round';

/** Which round is sampled, from which model. */
export interface PoolRound {
	round: number;
	/** Model id of the weights being sampled (the page's study model id: 'tiny-m1' for M1). */
	model: string;
}

export function poolJobs(problems: readonly TrainProblem[], s: PoolSampling, at: PoolRound, rule: PoolSeedRule): PoolJob[] {
	if (rule === 'round')
		return problems.flatMap((p) =>
			Array.from({ length: s.n }, (_, k) => ({ problem: p.id, index: k, prompt: promptOf(p.question), temperature: s.temperature, seed: hashString(`pool|${at.round}|${p.id}|${k}`, s.seed >>> 0) & 0x7fffffff }))
		);
	// The page runner's own plan and requests for the pool study: same seeds, prompt cache use and stop strings.
	const study = poolStudyConfig('pool', 'pool', s, { seed: 0, count: problems.length }, at.model);
	const questions = new Map(problems.map((p) => [p.id, p.question]));
	return planTasks(study.seed, [{ id: at.model, order: 0 }], problems, study.sampling).map((task) => {
		const req = requestFor(task, study, promptOf(questions.get(task.problem)!));
		return { problem: task.problem, index: task.index, prompt: req.prompt as string, temperature: req.temperature, seed: req.seed, cachePrompt: req.cachePrompt, stop: req.stop };
	});
}

/** A finished request as a pool sample: it ended by itself when it stopped short of the token cap. */
export function poolSample(job: Pick<PoolJob, 'problem' | 'index'>, done: { text: string; tokens: number }, maxTokens: number): PoolSample {
	return { problem: job.problem, index: job.index, text: done.text, ended: done.tokens < maxTokens };
}
