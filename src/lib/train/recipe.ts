// The shipped family's self-improvement recipe: pool, sampling and round settings. One owner for
// tools/train (which builds the family) and the page's live loop (which continues it).
import type { TrainingRecord } from '../core/types';
import type { PoolSampling } from './pool';
import type { RoundSettings } from './round';

/** In-domain word problems at M1's levels, seed disjoint from the demo and calibration sets; the live loop takes a prefix. */
export const FAMILY_POOL: TrainingRecord['pool'] = { family: 'word', seed: 5005, count: 500, split: 'in-domain', levels: [1, 2, 3] };

export const FAMILY_SAMPLING: PoolSampling = { n: 4, temperature: 0.8, maxTokens: 200, seed: 3 };

/** Sweep cell 1: the paper's Algorithm 1, at the floor of M1's learning-rate schedule (3e-3 x 0.05). */
export const FAMILY_SFT: RoundSettings = {
	kind: 'sft',
	filter: 'answer',
	epochs: 1,
	train: { steps: 60, batch: 8, lr: 1.5e-4, minLrRatio: 0.1, warmup: 10, weightDecay: 0.01, seed: 2 }
};

/** Iterative DPO (with the NLL term of iterative RPO) from the same M1 on the same pool. */
export const FAMILY_DPO: RoundSettings = {
	kind: 'dpo',
	filter: 'answer',
	epochs: 2,
	beta: 0.1,
	nll: 1,
	pairsPerProblem: 2,
	train: { steps: 60, batch: 8, lr: 2e-4, minLrRatio: 0.1, warmup: 5, weightDecay: 0, seed: 40 }
};

/**
 * The settings of the round that trains iteration `iteration` (M2: 2): the recipe's, with the
 * training seed offset by the iteration so each round of a chain draws its own batches. One rule for
 * models:train's chains and the page's live loop, so a family-size round pressed in the page from
 * the shipped M1 trains the shipped M2.
 */
export function roundSettingsAt<S extends Pick<RoundSettings, 'train'>>(settings: S, iteration: number): S {
	return { ...settings, train: { ...settings.train, seed: settings.train.seed + iteration } };
}
