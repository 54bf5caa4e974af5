import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kValues, passAtK } from '../../../src/lib/core/metrics';
import { assertInDelta } from '../asserts';

function binomial(n: number, k: number): bigint {
	if (k < 0 || k > n) return 0n;
	let r = 1n;
	for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
	return r;
}

/** Chen et al. evaluated directly: 1 - C(n-c, k) / C(n, k) with exact integers, then one division. */
function chen(n: number, c: number, k: number): number {
	const num = binomial(n - c, k);
	const den = binomial(n, k);
	// Scale before dividing so the quotient keeps ~18 digits.
	const scale = 10n ** 18n;
	return 1 - Number((num * scale) / den) / 1e18;
}

const triple = fc
	.integer({ min: 1, max: 300 })
	.chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.integer({ min: 1, max: n })));

describe('passAtK', () => {
	it('passAtK(n, c, k) matches hand-computed values', () => {
		assertInDelta(passAtK(4, 2, 2), 5 / 6);
		assertInDelta(passAtK(4, 1, 2), 1 / 2);
		assertInDelta(passAtK(10, 3, 1), 0.3);
		assertInDelta(passAtK(10, 0, 5), 0);
		assertInDelta(passAtK(5, 1, 5), 1);
	});
	it('passAtK(n, c, k) is undefined for k > n and for n = 0, never 0', () => {
		expect(passAtK(4, 4, 5)).toBeUndefined();
		expect(passAtK(0, 0, 1)).toBeUndefined();
	});
	it('passAtK(n, c, k) rejects impossible counts with a clear error', () => {
		expect(() => passAtK(4, 5, 1)).toThrow(/0 <= c <= n/);
		expect(() => passAtK(4, 2, 0)).toThrow(/k >= 1/);
		expect(() => passAtK(4.5, 2, 1)).toThrow(RangeError);
	});
	it('passAtK(n, c, k) equals c/n at k = 1', () => {
		fc.assert(fc.property(triple, ([n, c]) => assertInDelta(passAtK(n, c, 1), c / n, 1e-12)));
	});
	it('passAtK(n, c, k) equals 1 when n - c < k', () => {
		fc.assert(fc.property(triple, ([n, c, k]) => {
			if (n - c < k) expect(passAtK(n, c, k)).toBe(1);
		}));
	});
	it('passAtK(n, c, k) is non-decreasing in k', () => {
		fc.assert(fc.property(triple, ([n, c]) => {
			let last = -1;
			for (let k = 1; k <= n; k++) {
				const v = passAtK(n, c, k)!;
				expect(v).toBeGreaterThanOrEqual(last - 1e-15);
				last = v;
			}
		}), { numRuns: 60 });
	});
	it('passAtK(n, c, k) matches the exact-binomial Chen formula to 1e-12', () => {
		fc.assert(fc.property(triple, ([n, c, k]) => assertInDelta(passAtK(n, c, k), chen(n, c, k), 1e-12)), { numRuns: 500 });
	});
});

describe('kValues', () => {
	it('kValues(n) doubles up to n and ends with n', () => {
		expect(kValues(64)).toEqual([1, 2, 4, 8, 16, 32, 64]);
		expect(kValues(10)).toEqual([1, 2, 4, 8, 10]);
		expect(kValues(1)).toEqual([1]);
		expect(kValues(0)).toEqual([]);
	});
});
