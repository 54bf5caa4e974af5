// The configuration of the shipped run: every number that decides the family's bytes.
import type { ModelConfig } from '../../src/lib/train/config';
import { VOCAB } from '../../src/lib/train/data';
import type { GenerateOptions } from '../../src/lib/core/problems';
import { FAMILY_DPO, FAMILY_POOL, FAMILY_SAMPLING, FAMILY_SFT } from '../../src/lib/train/recipe';

const model: ModelConfig = { vocab: VOCAB.size, dim: 64, layers: 2, heads: 4, ffn: 192, context: 1024, ropeBase: 10000, eps: 1e-5 };

export const RUN = {
	model,
	iterations: 5,
	seeds: { init: 1, heldOut: 77, order: 2 },
	/** Held-out problems of the trainer's quick greedy check after each model (the real figures come from wllama). */
	evalProblems: 30,
	m1: {
		// Sweep 2's M1 (README, "Sweep 2"). Word problems, levels 1-3, plus bare arithmetic ("Compute
		// 46 * 8.") at levels 2-3, which no round trains on: the demo's out-of-domain split. Not
		// arithmetic level 1: it has 351 distinct questions, so a 5,000 draw would hold every demo
		// problem. The budget is a checkpoint of one cosine schedule, chosen by the sweep's rule 1:
		// `stopAt` steps of `train.steps`.
		levels: [1, 2, 3],
		sources: [
			{ family: 'word', seed: 1001, count: 20000, split: 'in-domain', levels: [1, 2, 3] },
			{ family: 'arithmetic', seed: 1002, count: 5000, split: 'in-domain', levels: [2, 3] }
		] as GenerateOptions[],
		train: { steps: 2400, batch: 16, lr: 3e-3, minLrRatio: 0.05, warmup: 100, weightDecay: 0.01 },
		checkpointEvery: 200,
		stopAt: 1600
	},
	// Deep copies: TRAIN_SMOKE shrinks them in place.
	pool: structuredClone(FAMILY_POOL) as GenerateOptions,
	sampling: structuredClone(FAMILY_SAMPLING),
	sft: structuredClone(FAMILY_SFT),
	dpo: structuredClone(FAMILY_DPO)
};
