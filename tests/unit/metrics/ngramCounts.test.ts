import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenDictionary, distinctN, ngramCounts, tokenHashes, tokenize } from '../../../src/lib/core/metrics';

/** The definition, with strings: distinct n-grams as joined token values in a Set, per group. */
function naiveCounts(samples: readonly Int32Array[], groups: Uint8Array, maxN: number): { unique: number[]; total: number[] } {
	const unique = new Array<number>(3 * maxN).fill(0);
	const total = new Array<number>(3 * maxN).fill(0);
	for (let n = 1; n <= maxN; n++) {
		const sets = [new Set<string>(), new Set<string>(), new Set<string>()];
		samples.forEach((tokens, s) => {
			const g = groups[s]!;
			for (let i = 0; i + n <= tokens.length; i++) {
				const key = Array.from(tokens.subarray(i, i + n)).join(' ');
				for (const k of g === 1 || g === 2 ? [0, g] : [0]) {
					sets[k]!.add(key);
					total[k * maxN + n - 1]!++;
				}
			}
		});
		sets.forEach((set, k) => (unique[k * maxN + n - 1] = set.size));
	}
	return { unique, total };
}

// Pairs of different tokens with equal tokenHashes values (found by a birthday search over random
// strings): a short one (keyed by its characters) and a long one (keyed by its hash, then compared).
const SHORT_PAIR = ['xkiocy', 'wukixg'];
const LONG_PAIR = ['gnktearysg', 'tnwzhzmrje'];

describe('ngramCounts', () => {
	it('ngramCounts(samples, groups, maxN) equals counting joined n-grams in sets, for small ids and for any int32 tokens', () => {
		const sample = (values: fc.Arbitrary<number>) => fc.array(fc.array(values, { maxLength: 30 }).map((a) => Int32Array.from(a)), { maxLength: 8 });
		const agree = (samples: Int32Array[], maxN: number) => {
			const groups = Uint8Array.from(samples, (_, i) => i % 3);
			const c = ngramCounts(samples, groups, maxN);
			const want = naiveCounts(samples, groups, maxN);
			expect(Array.from(c.unique)).toEqual(want.unique);
			expect(Array.from(c.total)).toEqual(want.total);
		};
		// Few distinct values, so n-grams repeat at every order.
		fc.assert(fc.property(sample(fc.integer({ min: 0, max: 3 })), fc.integer({ min: 1, max: 6 }), agree), { numRuns: 300 });
		fc.assert(fc.property(sample(fc.constantFrom(-5, 7, 2 ** 31 - 1, -(2 ** 31))), fc.integer({ min: 1, max: 5 }), agree), { numRuns: 200 });
		fc.assert(fc.property(sample(fc.integer()), fc.integer({ min: 1, max: 5 }), agree), { numRuns: 100 });
	});

	it('ngramCounts of one long sample then of a small one reuses its buffers without leaking counts', () => {
		const long = Int32Array.from({ length: 5000 }, (_, i) => i % 97);
		ngramCounts([long], Uint8Array.of(1), 5);
		const small = [Int32Array.of(1, 2, 1, 2), Int32Array.of(2, 1)];
		expect(Array.from(ngramCounts(small, Uint8Array.of(1, 2), 3).unique)).toEqual(naiveCounts(small, Uint8Array.of(1, 2), 3).unique);
	});
});

describe('createTokenDictionary', () => {
	it('dictionary.ids(text) are the tokens of tokenize(text), with tokenHashes(text) beside them, for any text', () => {
		const dictionary = createTokenDictionary();
		const same = (text: string): void => {
			const hashes = new Int32Array(text.length);
			const ids = dictionary.ids(text, undefined, hashes);
			expect(Array.from(ids, (id) => dictionary.token(id))).toEqual(tokenize(text));
			expect(Array.from(hashes.subarray(0, ids.length))).toEqual(Array.from(tokenHashes(text)));
		};
		same('So 48 / 2 = <<48/2=24>>24 clips. 1,000.5x, a.b 12.\n#### 42 Straße ÜBER abcdefghij ABCDEFGHIJ');
		fc.assert(fc.property(fc.string({ maxLength: 60 }), same), { numRuns: 300 });
		fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), same), { numRuns: 200 });
		fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z0-9 .,=<>\n]{0,40}$/), same), { numRuns: 300 });
	});

	it('dictionary.ids gives tokens with equal hashes different ids, and equal tokens the same id from either scanner', () => {
		for (const [a, b] of [SHORT_PAIR, LONG_PAIR]) {
			expect(tokenHashes(a!)).toEqual(tokenHashes(b!));
			const dictionary = createTokenDictionary();
			const [x, y, z] = dictionary.ids(`${a} ${b} ${a!.toUpperCase()}`);
			expect(x).not.toBe(y);
			expect(z).toBe(x);
			// Non-ASCII text takes tokenize(); its ASCII tokens still meet the same ids.
			expect(Array.from(dictionary.ids(`${b} é ${a}`))).toEqual([y, dictionary.ids('é')[0], x]);
		}
	});

	it('distinctN counts two tokens whose hashes collide as two tokens', () => {
		for (const [a, b] of [SHORT_PAIR, LONG_PAIR]) {
			// Unigrams {a, b} / 2 and the bigram {a b} / 1: 1 whatever the hash; 0.75 if a and b were one token.
			expect(distinctN([`${a} ${b}`], 2)).toBe(1);
		}
	});
});
