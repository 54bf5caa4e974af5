import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { majAtK, majAtKCurve, type Vote } from '../../../src/lib/core/metrics';
import { assertInDelta } from '../asserts';

const v = (answer: string | null, correct = answer === '1'): Vote => ({ answer, correct });

describe('majAtK', () => {
	it('majAtK(votes, k) scores the majority answer of the first k votes', () => {
		const votes = [v('2'), v('1'), v('1'), v('2'), v('2')];
		assertInDelta(majAtK(votes, 3), 1);
		assertInDelta(majAtK(votes, 5), 0);
		assertInDelta(majAtK(votes, 1), 0);
	});
	it('majAtK(votes, k) scores a tie as the fraction of tied answers that are correct', () => {
		assertInDelta(majAtK([v('1'), v('2')], 2), 1 / 2);
		assertInDelta(majAtK([v('1'), v('2'), v('3')], 3), 1 / 3);
		assertInDelta(majAtK([v('1'), v('1'), v('2'), v('2'), v('3')], 5), 1 / 2);
	});
	it('majAtK(votes, k) never lets "no answer" win', () => {
		assertInDelta(majAtK([v(null), v(null), v(null), v('1')], 4), 1);
		assertInDelta(majAtK([v(null), v(null)], 2), 0);
	});
	it('majAtK(votes, k) is undefined with fewer than k votes', () => {
		expect(majAtK([v('1')], 2)).toBeUndefined();
		expect(() => majAtK([v('1')], 0)).toThrow(RangeError);
	});
});

describe('majAtKCurve', () => {
	it('majAtKCurve(votes, ks) equals majAtK(votes, k) at every k, in any order of ks', () => {
		const votes = fc.array(fc.record({ answer: fc.oneof(fc.constant(null), fc.constantFrom('1', '2', '3', '4')), correct: fc.boolean() }), { maxLength: 30 });
		fc.assert(
			fc.property(votes, fc.array(fc.integer({ min: 1, max: 35 }), { maxLength: 8 }), (vs, ks) => {
				expect(majAtKCurve(vs, ks)).toEqual(ks.map((k) => majAtK(vs, k)));
			}),
			{ numRuns: 300 }
		);
	});
});
