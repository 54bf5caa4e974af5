// The configuration of the shipped run: every number that decides the family's bytes.
import type { ModelConfig } from '../../src/lib/train/config';
import { VOCAB } from '../../src/lib/train/data';
import type { GenerateOptions } from '../../src/lib/core/problems';
import type { RoundSettings } from '../../src/lib/train/round';

const model: ModelConfig = { vocab: VOCAB.size, dim: 64, layers: 2, heads: 4, ffn: 192, context: 1024, ropeBase: 10000, eps: 1e-5 };

export const RUN = {
	model,
	iterations: 5,
	seeds: { init: 1, heldOut: 77, order: 2 },
	/** Held-out problems of the trainer's quick greedy check after each model (the real figures come from wllama). */
	evalProblems: 30,
	m1: {
		// Word problems only, levels 1-3: bare arithmetic expressions ("Compute 46 * 8.") are a format M1
		// never reads, the demo's out-of-domain split. The budget is a checkpoint of one cosine schedule,
		// chosen by the sweep's rule (README, "The sweep"): `stopAt` steps of `train.steps`.
		levels: [1, 2, 3],
		sources: [{ family: 'word', seed: 1001, count: 20000, split: 'in-domain', levels: [1, 2, 3] }] as GenerateOptions[],
		train: { steps: 1600, batch: 16, lr: 3e-3, minLrRatio: 0.05, warmup: 100, weightDecay: 0.01 },
		checkpointEvery: 200,
		stopAt: 1600
	},
	/** The self-improvement pool: in-domain problems at M1's levels, disjoint from the demo and calibration sets. */
	pool: { family: 'word', seed: 5005, count: 500, split: 'in-domain', levels: [1, 2, 3] } as GenerateOptions,
	/** Every round's sampling, SFT and DPO alike (through llama.cpp; see llamaPage.ts). */
	sampling: { n: 4, temperature: 0.8, maxTokens: 200, seed: 3 },
	/** Cell 1 of the sweep: the paper's Algorithm 1, the rate continuing M1's schedule (3e-3 x 0.05). */
	sft: {
		kind: 'sft',
		filter: 'answer',
		epochs: 1,
		train: { steps: 60, batch: 8, lr: 1.5e-4, minLrRatio: 0.1, warmup: 10, weightDecay: 0.01, seed: 2 }
	} as RoundSettings,
	// Iterative DPO from the same M1 on the same pool, sampled like the SFT rounds.
	dpo: {
		kind: 'dpo',
		filter: 'answer',
		epochs: 2,
		beta: 0.1,
		nll: 1,
		pairsPerProblem: 2,
		train: { steps: 60, batch: 8, lr: 2e-4, minLrRatio: 0.1, warmup: 5, weightDecay: 0, seed: 40 }
	} as RoundSettings
};
