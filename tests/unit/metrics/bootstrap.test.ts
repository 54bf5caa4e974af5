import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMean, bootstrapWeights, pairedDifference, percentileInterval } from '../../../src/lib/core/metrics';
import { mulberry32 } from '../../../src/lib/core/random';
import { assertInDelta } from '../asserts';

describe('bootstrap', () => {
	it('bootstrapWeights(B, P, seed) draws P problems per replicate', () => {
		const w = bootstrapWeights(50, 7, 1);
		for (let b = 0; b < 50; b++) {
			let sum = 0;
			for (let j = 0; j < 7; j++) sum += w.counts[j * w.stride + b]!;
			expect(sum).toBe(7);
		}
	});
	it('bootstrapMean(values) intervals contain the point estimate', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.integer(), (values, seed) => {
				const e = bootstrapMean(values, { replicates: 400, seed });
				expect(e.ci).toBeDefined();
				expect(e.ci!.low).toBeLessThanOrEqual(e.value! + 1e-9);
				expect(e.ci!.high).toBeGreaterThanOrEqual(e.value! - 1e-9);
			}),
			{ numRuns: 100 }
		);
	});
	it('bootstrapMean(values, { seed }) repeats exactly for the same seed and differs for another', () => {
		const values = Array.from({ length: 80 }, (_, i) => (i * 37) % 11 / 10);
		const a = bootstrapMean(values, { seed: 42 });
		expect(bootstrapMean(values, { seed: 42 })).toEqual(a);
		expect(bootstrapMean(values, { seed: 43 }).ci).not.toEqual(a.ci);
	});
	it('bootstrapMean(values) leaves NaN out and is undefined over no data', () => {
		const e = bootstrapMean([1, NaN, 0, NaN], { replicates: 100 });
		assertInDelta(e.value, 0.5);
		expect(e.problems).toBe(2);
		const none = bootstrapMean([NaN, NaN], { replicates: 100 });
		expect(none.value).toBeUndefined();
		expect(none.ci).toBeUndefined();
	});
	it('pairedDifference(a, b) resamples problems together: a constant shift has a zero-width interval', () => {
		const a = Array.from({ length: 50 }, (_, i) => (i % 7) / 7);
		const d = pairedDifference(a.map((x) => x + 0.1), a, { replicates: 500, seed: 1 });
		assertInDelta(d.delta, 0.1, 1e-12);
		assertInDelta(d.ci!.low, 0.1, 1e-8);
		assertInDelta(d.ci!.high, 0.1, 1e-8);
	});
	it('percentileInterval(replicates, confidence) equals the sorted-order definition on replicate-sized data with ties', () => {
		fc.assert(
			fc.property(fc.integer({ min: 256, max: 3000 }), fc.integer(), fc.integer({ min: 1, max: 50 }), fc.double({ min: 0.5, max: 0.99, noNaN: true }), (n, seed, levels, confidence) => {
				const random = mulberry32(seed);
				// Sorted, reversed, few distinct values or many: the bracketing sample must not matter.
				const xs = Array.from({ length: n }, (_, i) => (seed % 3 === 0 ? i : seed % 3 === 1 ? Math.floor(random() * levels) / levels : random() - random()));
				if (seed % 5 === 0) xs.reverse();
				const s = [...xs].sort((a, b) => a - b);
				const at = (q: number): number => {
					const pos = q * (n - 1);
					const lo = Math.floor(pos);
					return pos === lo ? s[lo]! : s[lo]! + (pos - lo) * (s[lo + 1]! - s[lo]!);
				};
				const ci = percentileInterval(Float64Array.from(xs), confidence)!;
				const tail = (1 - confidence) / 2;
				expect(ci.low).toBe(at(tail));
				expect(ci.high).toBe(at(1 - tail));
			}),
			{ numRuns: 200 }
		);
	});
	it('percentileInterval(replicates, 0.9) interpolates between order statistics', () => {
		const ci = percentileInterval(Float64Array.from({ length: 11 }, (_, i) => i), 0.9)!;
		assertInDelta(ci.low, 0.5);
		assertInDelta(ci.high, 9.5);
		expect(percentileInterval([NaN])).toBeUndefined();
	});
	it('percentileInterval(replicates, confidence) equals the sorted-order definition on any data', () => {
		const sorted = (xs: number[], q: number): number => {
			const s = [...xs].sort((a, b) => a - b);
			const pos = q * (s.length - 1);
			const lo = Math.floor(pos);
			const hi = Math.min(lo + 1, s.length - 1);
			return s[lo]! + (pos - lo) * (s[hi]! - s[lo]!);
		};
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (xs, confidence) => {
				const ci = percentileInterval(xs, confidence)!;
				const tail = (1 - confidence) / 2;
				assertInDelta(ci.low, sorted(xs, tail), 0);
				assertInDelta(ci.high, sorted(xs, 1 - tail), 0);
			}),
			{ numRuns: 300 }
		);
	});
});
