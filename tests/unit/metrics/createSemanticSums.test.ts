import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSemanticSums, semanticDiversity } from '../../../src/lib/core/metrics';
import type { SampleFeatures } from '../../../src/lib/core/metrics/builderTypes';
import { assertInDelta } from '../asserts';

const feature = (index: number, correct: boolean, values: number[]): SampleFeatures => ({ index, answer: null, correct, tokens: new Int32Array(0), vector: Float32Array.from(values), equations: [] });

const oneOff = (samples: readonly SampleFeatures[]): number[] => createSemanticSums(Infinity).values(samples, -Infinity);

describe('createSemanticSums', () => {
	it('createSemanticSums(every).values(samples, from), fed samples one batch at a time in any order (with replacements), equals a one-off count bit for bit', () => {
		const arrival = fc.array(
			fc.record({
				index: fc.integer({ min: 0, max: 40 }),
				correct: fc.boolean(),
				vector: fc.array(fc.oneof(fc.constant(0), fc.double({ min: -3, max: 3, noNaN: true })), { minLength: 5, maxLength: 5 })
			}),
			{ minLength: 1, maxLength: 60 }
		);
		fc.assert(
			fc.property(arrival, fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }), (stream, every, batches) => {
				const sums = createSemanticSums(every);
				const held = new Map<number, SampleFeatures>();
				let at = 0;
				for (let b = 0; at < stream.length; b++) {
					const batch = stream.slice(at, at + batches[b % batches.length]!);
					at += batch.length;
					// As the report builder does: the lowest index added or replaced since the last call.
					let from = Infinity;
					for (const s of batch) {
						held.set(s.index, feature(s.index, s.correct, s.vector));
						from = Math.min(from, s.index);
					}
					const samples = [...held.values()].sort((x, y) => x.index - y.index);
					expect(sums.values(samples, from)).toEqual(oneOff(samples));
				}
			}),
			{ numRuns: 300 }
		);
	});
	it('createSemanticSums(every).values(samples, Infinity) with nothing changed gives the last values again', () => {
		const samples = Array.from({ length: 9 }, (_, i) => feature(i, i % 3 === 0, [i, 1, -i]));
		const sums = createSemanticSums(2);
		const first = sums.values(samples, -Infinity);
		expect(sums.values(samples, Infinity)).toEqual(first);
	});
	it('createSemanticSums().values(samples, from) gives semanticDiversity of all, correct and incorrect samples', () => {
		const samples = [feature(0, true, [1, 0, 0]), feature(1, false, [0, 2, 0]), feature(2, true, [1, 1, 0]), feature(3, false, [0, 0, 0]), feature(4, false, [0, 1, 1])];
		const [all, correct, incorrect] = createSemanticSums().values(samples, -Infinity);
		assertInDelta(all, semanticDiversity(samples.map((s) => s.vector)));
		assertInDelta(correct, semanticDiversity(samples.filter((s) => s.correct).map((s) => s.vector)));
		assertInDelta(incorrect, semanticDiversity(samples.filter((s) => !s.correct).map((s) => s.vector)));
	});
});
