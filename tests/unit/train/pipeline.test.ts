import { describe, expect, it } from 'vitest';
import { layoutOf, type ModelConfig } from '../../../src/lib/train/config';
import { exampleOf, extractAnswer, isCorrect, VOCAB } from '../../../src/lib/train/data';
import { fromGguf, toGguf } from '../../../src/lib/train/gguf';
import { initWeights, train } from '../../../src/lib/train/train';
import { generate } from '../../../src/lib/train/infer';
import { samplePool } from '../../../src/lib/train/selfImprove';
import { selectSamples } from '../../../src/lib/train/round';

const cfg: ModelConfig = { vocab: VOCAB.size, dim: 16, layers: 2, heads: 2, ffn: 24, context: 64, ropeBase: 10000, eps: 1e-5 };
const examples = [
	exampleOf('Compute 3 - 2.', '3-2=<<3-2=1>>1\n#### 1'),
	exampleOf('What is 2 + 2?', '2+2=<<2+2=4>>4\n#### 4'),
	exampleOf('What is 5 + 1?', '5+1=<<5+1=6>>6\n#### 6')
];
const opts = { steps: 6, batch: 2, lr: 3e-3, minLrRatio: 0.1, warmup: 2, weightDecay: 0.01, seed: 5 };

describe('exampleOf', () => {
	it('exampleOf puts the loss on the completion and the end-of-text token only', () => {
		const e = exampleOf('Q?', 'ab');
		// "Q: Q?\nA: " is 9 characters, then "ab" and EOS; the input drops the final EOS.
		expect(e.tokens).toEqual(VOCAB.encode('Q: Q?\nA: ab'));
		expect(e.target).toEqual([-1, -1, -1, -1, -1, -1, -1, -1, VOCAB.idOf('a'), VOCAB.idOf('b'), VOCAB.eosId]);
	});
});

describe('extractAnswer', () => {
	it('extractAnswer reads the number after ####, and isCorrect compares values', () => {
		expect(extractAnswer('x=1\n#### 1,204')).toBe('1204');
		expect(extractAnswer('no answer')).toBeNull();
		expect(isCorrect('#### 12', '12')).toBe(true);
		expect(isCorrect('#### 12', '13')).toBe(false);
	});
});

describe('train', () => {
	it('train is deterministic: the same seed gives bit-identical weights, another seed does not', () => {
		const a = initWeights(cfg, 1);
		const b = initWeights(cfg, 1);
		const c = initWeights(cfg, 1);
		train(cfg, a, examples, opts);
		train(cfg, b, examples, opts);
		train(cfg, c, examples, { ...opts, seed: 6 });
		expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
		expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
	});

	it('train lowers the loss on what it is trained on', () => {
		const w = initWeights(cfg, 2);
		const first = train(cfg, w, examples, { ...opts, steps: 1, lr: 0 }).finalLoss;
		train(cfg, w, examples, { ...opts, steps: 60, lr: 1e-2 });
		const after = train(cfg, w, examples, { ...opts, steps: 1, lr: 0 }).finalLoss;
		expect(after).toBeLessThan(first * 0.5);
	});
});

describe('toGguf', () => {
	it('toGguf and fromGguf round-trip the weights and the configuration exactly', () => {
		const w = initWeights(cfg, 3);
		const back = fromGguf(toGguf(cfg, w, 'test', 'round trip'));
		expect(back.config.dim).toBe(cfg.dim);
		expect(back.config.layers).toBe(cfg.layers);
		expect(back.config.vocab).toBe(VOCAB.size);
		expect(back.weights.length).toBe(layoutOf(cfg).size);
		expect(Array.from(back.weights)).toEqual(Array.from(w));
	});
});

describe('selectSamples', () => {
	it('selectSamples keeps exactly the correct, finished samples of a model that memorised its data', () => {
		const w = initWeights(cfg, 4);
		train(cfg, w, examples, { ...opts, steps: 150, lr: 1e-2 });
		const greedy = VOCAB.decode(generate(cfg, w, VOCAB.encode('Q: Compute 3 - 2.\nA: '), { maxTokens: 30, temperature: 0, stop: VOCAB.eosId }));
		expect(greedy).toBe('3-2=<<3-2=1>>1\n#### 1');
		const problems = [
			{ id: 'a', question: 'Compute 3 - 2.', answer: '1' },
			{ id: 'b', question: 'Compute 3 - 2.', answer: '7' }
		];
		const pool = samplePool(cfg, w, problems, { n: 4, temperature: 0.3, maxTokens: 30, seed: 1, round: 2 });
		const { examples: kept, stats } = selectSamples(problems, pool, 'answer');
		expect(stats.samples).toBe(8);
		expect(stats.kept).toBeGreaterThan(0);
		expect(stats.kept).toBeLessThanOrEqual(4);
		expect(kept.length).toBe(stats.kept);
		expect(stats.problemsCovered).toBe(1);
	});
});
