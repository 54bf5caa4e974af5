// The configuration of the shipped run: every number that decides the family's bytes.
import type { ModelConfig } from './config';
import { VOCAB } from './data';

const model: ModelConfig = { vocab: VOCAB.size, dim: 64, layers: 2, heads: 4, ffn: 192, context: 1024, ropeBase: 10000, eps: 1e-5 };

export const RUN = {
	model,
	iterations: 5,
	seeds: { init: 1, problems: 1001, heldOut: 77, order: 2, sampling: 3 },
	evalProblems: 100,
	m1: {
		problems: 20000,
		train: { steps: 1200, batch: 8, lr: 3e-3, minLrRatio: 0.1, warmup: 50, weightDecay: 0.01 }
	},
	rounds: {
		problems: 200,
		n: 4,
		temperature: 0.8,
		maxTokens: 400,
		epochs: 1,
		train: { steps: 100, batch: 8, lr: 1e-3, minLrRatio: 0.1, warmup: 10, weightDecay: 0.01 }
	}
};
