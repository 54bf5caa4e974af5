import { describe, expect, it } from 'vitest';
import { layoutOf, type ModelConfig } from '../../../src/lib/train/config';
import { trainSequence } from '../../../src/lib/train/backprop';
import { applySequence, computeSequence, createTrace, matrixRanges } from '../../../src/lib/train/sequenceTrace';
import { splitPoint, type GradientHelper, type HelperMode, type SequenceJob } from '../../../src/lib/train/gradientHelper';
import { createOptimizer, sftGradient } from '../../../src/lib/train/train';
import { dpoGradient, preferencePairs } from '../../../src/lib/train/dpo';
import { exampleOf, VOCAB } from '../../../src/lib/train/data';
import { mulberry32 } from '../../../src/lib/core/random';
import { createThreadHelper } from '../../../tools/train/threads/threadHelper';

/**
 * A helper that computes its jobs on this thread when finish() is called: the contract without the
 * threads, so the tests can tell the split-and-replay from the shared memory.
 */
function createLocalHelper(c: ModelConfig, capacity: number): GradientHelper {
	const ranges = matrixRanges(c);
	const size = layoutOf(c).size;
	const dense = Array.from({ length: capacity }, () => new Float64Array(size));
	const traces = Array.from({ length: capacity }, () => createTrace(c, c.context));
	let pending: { w: Float64Array; jobs: SequenceJob[]; mode: HelperMode } | null = null;
	return {
		capacity,
		start(w, jobs, mode) {
			if (jobs.length > capacity) throw new Error(`gradient helper: ${jobs.length} jobs, room for ${capacity}`);
			pending = { w: w.slice(), jobs: [...jobs], mode };
		},
		finish() {
			if (!pending) throw new Error('gradient helper: finish without a start');
			const { w, jobs, mode } = pending;
			pending = null;
			return jobs.map((job, j) => {
				const trace = mode === 'traced' ? traces[j]! : null;
				const r = computeSequence(c, w, job.tokens, job.target, job.weight, dense[j]!, trace, ranges);
				return { ...r, dense: dense[j]!, trace };
			});
		}
	};
}

const cfg: ModelConfig = { vocab: VOCAB.size, dim: 8, layers: 2, heads: 2, ffn: 12, context: 64, ropeBase: 10000, eps: 1e-5 };

function randomWeights(seed: number, scale = 1.2): Float64Array {
	const r = mulberry32(seed);
	const w = new Float64Array(layoutOf(cfg).size);
	for (let i = 0; i < w.length; i++) w[i] = Math.fround((r() - 0.5) * scale);
	return w;
}

const bytes = (v: Float64Array): Uint8Array => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
const examples = ['2+3?', '14+5?', '7*6?', '9-4?', '30+12?', '8*8?', '5+5?', '40-1?'].map((q, i) => exampleOf(q, `${i} and ${i + 3}\n#### ${i * 7}`));

describe('sequenceTrace', () => {
	it('a traced sequence added later gives the same bytes as trainSequence adding it directly', () => {
		const w = randomWeights(1);
		const direct = randomWeights(2, 1e-3);
		const later = direct.slice();
		const ranges = matrixRanges(cfg);
		const dense = new Float64Array(w.length);
		const trace = createTrace(cfg, cfg.context);
		for (const e of examples.slice(0, 4)) {
			const a = trainSequence(cfg, w, direct, e.tokens, e.target, 0.25);
			const b = computeSequence(cfg, w, e.tokens, e.target, 0.25, dense, trace, ranges);
			applySequence(cfg, later, dense, trace, e.tokens, ranges);
			expect(b).toEqual(a);
		}
		expect(bytes(later)).toEqual(bytes(direct));
		// Not vacuous: adding the sequence's terms as one sum per entry differs in the last bits.
		const summed = randomWeights(2, 1e-3);
		for (const e of examples.slice(0, 4)) {
			const g = new Float64Array(w.length);
			trainSequence(cfg, w, g, e.tokens, e.target, 0.25);
			for (let i = 0; i < g.length; i++) summed[i] = summed[i]! + g[i]!;
		}
		expect(bytes(summed)).not.toEqual(bytes(direct));
	});

	it('matrixRanges covers every parameter but the norms and the embeddings', () => {
		const lay = layoutOf(cfg);
		const covered = matrixRanges(cfg).reduce((n, [a, b]) => n + b - a, 0);
		expect(covered).toBe(lay.size - cfg.vocab * cfg.dim - (2 * cfg.layers + 1) * cfg.dim);
	});
});

describe('splitPoint', () => {
	it('splitPoint balances the two shares and respects the helper capacity', () => {
		expect(splitPoint([1, 1, 1, 1], 4)).toBe(2);
		expect(splitPoint([3, 1, 1, 1], 4)).toBe(1);
		expect(splitPoint([1, 1, 1, 1, 1, 1], 2)).toBe(4);
		expect(splitPoint([], 4)).toBe(0);
	});
});

describe('gradient helpers', () => {
	const train = (helper: Parameters<typeof sftGradient>[2]): Float64Array => {
		const w = randomWeights(3, 0.4);
		const run = createOptimizer(cfg, w, examples, sftGradient(cfg, w, helper), { steps: 4, batch: 5, lr: 1e-2, minLrRatio: 0.1, warmup: 1, weightDecay: 0.01, seed: 4 });
		while (!run.done) run.step();
		return w;
	};
	const trainDpo = (helper: Parameters<typeof dpoGradient>[4]): Float64Array => {
		const w = randomWeights(5, 0.4);
		const groups = [0, 2, 4, 6].map((i) => ({ problem: `p${i}`, correct: [examples[i]!], incorrect: [examples[i + 1]!] }));
		const pairs = preferencePairs(cfg, w, groups, 1);
		const run = createOptimizer(cfg, w, pairs, dpoGradient(cfg, w, 0.1, 1, helper), { steps: 3, batch: 3, lr: 1e-2, minLrRatio: 0.1, warmup: 1, weightDecay: 0, seed: 6 });
		while (!run.done) run.step();
		return w;
	};

	it('SFT and DPO with a same-thread helper train the same bytes as without one', () => {
		const local = createLocalHelper(cfg, 8);
		let helped = 0;
		const counting = { ...local, start: (...a: Parameters<typeof local.start>) => ((helped += a[1].length), local.start(...a)) };
		expect(bytes(train(counting))).toEqual(bytes(train(null)));
		expect(helped).toBeGreaterThanOrEqual(4 * 2);
		helped = 0;
		expect(bytes(trainDpo(counting))).toEqual(bytes(trainDpo(null)));
		expect(helped).toBeGreaterThanOrEqual(3 * 2);
	});

	it('SFT and DPO with a worker-thread helper train the same bytes as without one', async () => {
		const helper = createThreadHelper(cfg, 8);
		try {
			expect(bytes(train(helper))).toEqual(bytes(train(null)));
			expect(bytes(trainDpo(helper))).toEqual(bytes(trainDpo(null)));
		} finally {
			await helper.close();
		}
	});
});
