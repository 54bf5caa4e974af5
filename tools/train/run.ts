// The configuration of the shipped run: every number that decides the family's bytes.
import type { ModelConfig } from '../../src/lib/train/config';
import { VOCAB } from '../../src/lib/train/data';
import type { GenerateOptions } from '../../src/lib/core/problems';

const model: ModelConfig = { vocab: VOCAB.size, dim: 64, layers: 2, heads: 4, ffn: 192, context: 1024, ropeBase: 10000, eps: 1e-5 };

export const RUN = {
	model,
	iterations: 5,
	seeds: { init: 1, heldOut: 77, order: 2, sampling: 3 },
	evalProblems: 40,
	m1: {
		// One schedule over a fixed mix: the offline pool (word and arithmetic problems, levels 1-2,
		// half and half) and as many fresh level-2 arithmetic problems, so the column work of
		// tools/train/digits.ts is practised three times for every word problem. Levels 3-5 are
		// beyond the one-thread, 60-minute budget.
		levels: [1, 2],
		sources: [
			{ seed: 1001, count: 30000, split: 'in-domain', levels: [1, 2] },
			{ family: 'arithmetic', seed: 2004, count: 30000, split: 'in-domain', levels: [2] }
		] as GenerateOptions[],
		train: { steps: 6500, batch: 16, lr: 3e-3, minLrRatio: 0.05, warmup: 100, weightDecay: 0.01 }
	},
	rounds: {
		problems: 200,
		n: 4,
		temperature: 0.8,
		maxTokens: 200,
		epochs: 1,
		train: { steps: 60, batch: 8, lr: 1e-3, minLrRatio: 0.1, warmup: 10, weightDecay: 0.01 }
	},
	// Iterative DPO from the same M1 on the same problems, sampled like the SFT rounds.
	dpo: {
		iterations: 5,
		n: 4,
		temperature: 0.8,
		maxTokens: 200,
		beta: 0.1,
		nll: 1,
		pairsPerProblem: 2,
		epochs: 2,
		seed: 5,
		train: { steps: 60, batch: 8, lr: 2e-4, minLrRatio: 0.1, warmup: 5, weightDecay: 0, seed: 40 }
	}
};
