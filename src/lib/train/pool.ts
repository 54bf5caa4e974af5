// The sampling half of a self-improvement round when llama.cpp samples in the Node tools (wllama in
// Chromium): which requests to make, and what comes back as pool samples. The page samples a pool as a
// study through its runner; the Node tools send that study's own requests, so the same round from the
// same model gives the same samples in both places.
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
	/** Base seed; each request's seed derives from it, the sampled model's id, the problem and the sample index. */
	seed: number;
}

export interface PoolJob {
	problem: string;
	index: number;
	prompt: string;
	temperature: number;
	seed: number;
	cachePrompt?: boolean;
	/** The runner sends one for completion prompts (the pool's). */
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

/** Which round is sampled, from which model. */
export interface PoolRound {
	round: number;
	/** Model id of the weights being sampled (the page's study model id: 'tiny-m1' for M1). */
	model: string;
}

export function poolJobs(problems: readonly TrainProblem[], s: PoolSampling, at: PoolRound): PoolJob[] {
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
