import { describe, expect, it } from 'vitest';
import { layoutOf, type ModelConfig } from '../../../src/lib/train/config';
import { trainSequence } from '../../../src/lib/train/backprop';
import { createDecoder, logSoftmax } from '../../../src/lib/train/infer';
import { mulberry32 } from '../../../src/lib/core/random';
import { worstGradientGap } from './finiteDifferences';

const cfg: ModelConfig = { vocab: 7, dim: 8, layers: 2, heads: 2, ffn: 12, context: 16, ropeBase: 10000, eps: 1e-5 };

function randomWeights(seed: number): Float64Array {
	const r = mulberry32(seed);
	const w = new Float64Array(layoutOf(cfg).size);
	for (let i = 0; i < w.length; i++) w[i] = (r() - 0.5) * 1.2;
	return w;
}

const tokens = [1, 4, 2, 6, 0, 3, 3, 5, 2];
const target = [-1, -1, 2, 6, 0, -1, 5, 2, 4];

describe('trainSequence', () => {
	it('trainSequence gradients match central finite differences', () => {
		const w = randomWeights(3);
		const grads = new Float64Array(w.length);
		trainSequence(cfg, w, grads, tokens, target, 1);
		const worst = worstGradientGap(w, grads, () => trainSequence(cfg, w, new Float64Array(w.length), tokens, target, 1).loss, { samples: 300, seed: 9, floor: 1e-3 });
		expect(worst).toBeLessThan(1e-5);
	});

	it('trainSequence loss equals the cached decoder log-likelihood of the targets', () => {
		const w = randomWeights(5);
		const { loss, count } = trainSequence(cfg, w, new Float64Array(w.length), tokens, target, 1);
		const dec = createDecoder(cfg, w);
		let nll = 0;
		tokens.forEach((t, i) => {
			const lp = logSoftmax(dec.step(t));
			if (target[i]! >= 0) nll -= lp[target[i]!]!;
		});
		expect(count).toBe(6);
		expect(Math.abs(loss - nll)).toBeLessThan(1e-9);
	});
});
