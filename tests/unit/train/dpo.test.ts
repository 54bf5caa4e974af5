import { describe, expect, it } from 'vitest';
import { layoutOf, type ModelConfig } from '../../../src/lib/train/config';
import { completionLogProb, dpoGradient, preferencePairs, type PreferencePair } from '../../../src/lib/train/dpo';
import { exampleOf, VOCAB } from '../../../src/lib/train/data';
import { initWeights, optimize } from '../../../src/lib/train/train';
import { trainSequence } from '../../../src/lib/train/backprop';
import { mulberry32 } from '../../../src/lib/core/random';
import { worstGradientGap } from './finiteDifferences';

const cfg: ModelConfig = { vocab: VOCAB.size, dim: 8, layers: 2, heads: 2, ffn: 12, context: 48, ropeBase: 10000, eps: 1e-5 };

function randomWeights(seed: number): Float64Array {
	const r = mulberry32(seed);
	const w = new Float64Array(layoutOf(cfg).size);
	for (let i = 0; i < w.length; i++) w[i] = (r() - 0.5) * 1.2;
	return w;
}

const right = exampleOf('2+3?', '5\n#### 5');
const wrong = exampleOf('2+3?', '6\n#### 6');

/** The DPO loss of one pair plus `nll` times the chosen completion's mean token NLL, from forward passes only. */
function dpoLoss(w: Float64Array, p: PreferencePair, beta: number, nll: number): number {
	const chosen = completionLogProb(cfg, w, p.chosen);
	const m = beta * (chosen - p.refChosen - (completionLogProb(cfg, w, p.rejected) - p.refRejected));
	const tokens = p.chosen.target.filter((t) => t >= 0).length;
	return Math.log1p(Math.exp(-m)) - (nll * chosen) / tokens;
}

describe('completionLogProb', () => {
	it('completionLogProb is minus the cross-entropy the training pass sums', () => {
		const w = randomWeights(1);
		const nll = trainSequence(cfg, w, new Float64Array(w.length), right.tokens, right.target, 1).loss;
		expect(completionLogProb(cfg, w, right)).toBeCloseTo(-nll, 9);
	});
});

describe('dpoGradient', () => {
	it('dpoGradient matches central finite differences of the DPO loss with its NLL term', () => {
		const reference = randomWeights(2);
		const w = randomWeights(3);
		const [pair] = preferencePairs(cfg, reference, [{ problem: 'p', correct: [right], incorrect: [wrong] }], 1);
		const grads = new Float64Array(w.length);
		const out = dpoGradient(cfg, w, 0.5, 0.7)([pair!], grads);
		expect(out.loss).toBeCloseTo(dpoLoss(w, pair!, 0.5, 0.7), 9);
		const worst = worstGradientGap(w, grads, () => dpoLoss(w, pair!, 0.5, 0.7), { samples: 60, seed: 4, floor: 1e-4 });
		expect(worst).toBeLessThan(1e-5);
	});

	it('a few DPO steps widen the margin of the correct completion over the wrong one', () => {
		const w = initWeights(cfg, 5);
		// A reference that slightly prefers neither: the starting point itself.
		const reference = w.slice();
		const pairs = preferencePairs(cfg, reference, [{ problem: 'p', correct: [right], incorrect: [wrong] }], 4);
		expect(pairs).toHaveLength(1);
		const margin = () => completionLogProb(cfg, w, right) - completionLogProb(cfg, w, wrong);
		const before = margin();
		optimize(cfg, w, pairs, dpoGradient(cfg, w, 0.5), { steps: 20, batch: 1, lr: 1e-2, minLrRatio: 1, warmup: 1, weightDecay: 0, seed: 1 });
		expect(margin()).toBeGreaterThan(before + 1);
	});

	it('preferencePairs pairs only problems that have both a correct and an incorrect sample', () => {
		const pairs = preferencePairs(cfg, randomWeights(6), [
			{ problem: 'a', correct: [right, right], incorrect: [wrong] },
			{ problem: 'b', correct: [right], incorrect: [] },
			{ problem: 'c', correct: [], incorrect: [wrong] }
		], 4);
		expect(pairs).toHaveLength(1);
	});
});
