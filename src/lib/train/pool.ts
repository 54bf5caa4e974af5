// The sampling half of a self-improvement round when llama.cpp samples (the page's wllama, or the
// Node tools' wllama in Chromium): which requests to make, and what comes back as pool samples.
// One rule for both places, so a round sampled in the page can be retrained in Node bit for bit.
import { hashString } from '../core/random';
import { promptOf } from './data';
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
}

/** Request seed of sample k of problem p in round t (a 31-bit integer, as llama.cpp takes it). */
export function poolSeed(seed: number, round: number, problem: string, k: number): number {
	return hashString(`pool|${round}|${problem}|${k}`, seed >>> 0) & 0x7fffffff;
}

export function poolJobs(problems: readonly TrainProblem[], s: PoolSampling, round: number): PoolJob[] {
	return problems.flatMap((p) =>
		Array.from({ length: s.n }, (_, k) => ({ problem: p.id, index: k, prompt: promptOf(p.question), temperature: s.temperature, seed: poolSeed(s.seed, round, p.id, k) }))
	);
}

/** A finished request as a pool sample: it ended by itself when it stopped short of the token cap. */
export function poolSample(job: Pick<PoolJob, 'problem' | 'index'>, done: { text: string; tokens: number }, maxTokens: number): PoolSample {
	return { problem: job.problem, index: job.index, text: done.text, ended: done.tokens < maxTokens };
}
