import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctN, distinctScore, ead, eadScore, equationDiversity, extractEquations, ngramCounts, tokenHashes, tokenize } from '../../../src/lib/core/metrics';
import { hashString } from '../../../src/lib/core/random';
import { assertInDelta } from '../asserts';

describe('tokenize', () => {
	it('tokenize(text) lower-cases word/number runs and splits every punctuation mark', () => {
		expect(tokenize('Natalia sold 1,200.50 clips: <<48/2=24>>24.')).toEqual(['natalia', 'sold', '1,200.50', 'clips', ':', '<', '<', '48', '/', '2', '=', '24', '>', '>', '24', '.']);
		expect(tokenize('Straße ÜBER 3.5 a,b')).toEqual(['straße', 'über', '3.5', 'a', ',', 'b']);
		expect(tokenize('  ')).toEqual([]);
	});
	it('tokenHashes(text) equals hashString of each tokenize(text) token, for any text', () => {
		const same = (text: string): void => {
			expect(Array.from(tokenHashes(text))).toEqual(tokenize(text).map((t) => hashString(t) | 0));
		};
		same('So 48 / 2 = <<48/2=24>>24 clips. 1,000.5x, a.b 12.\n#### 42');
		fc.assert(fc.property(fc.string({ maxLength: 60 }), same), { numRuns: 300 });
		fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), same), { numRuns: 200 });
		fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z0-9 .,=<>\n]{0,40}$/), same), { numRuns: 300 });
	});
});

describe('distinct-n and EAD', () => {
	it('distinctN(texts) averages unique/total n-grams over the orders that have n-grams', () => {
		// n = 1: {a, b, c} / 4; n = 2: {a b, a c} / 2; n >= 3: no n-gram.
		assertInDelta(distinctN(['a b', 'a c']), (3 / 4 + 2 / 2) / 2);
		assertInDelta(distinctN(['x y z', 'x y z']), (3 / 6 + 2 / 4 + 1 / 2) / 3);
		expect(distinctN([])).toBeUndefined();
		expect(distinctN(['', ' '])).toBeUndefined();
	});
	it('ngramCounts(samples, groups) counts correct and incorrect samples apart', () => {
		const samples = ['a b', 'a c', 'a b'].map((t) => tokenHashes(t));
		const c = ngramCounts(samples, Uint8Array.from([1, 2, 1]), 2);
		// all: unigrams {a, b, c}/6, bigrams {ab, ac}/3; correct: {a, b}/4, {ab}/2; incorrect: {a, c}/2, {ac}/1.
		expect(Array.from(c.unique)).toEqual([3, 2, 2, 1, 2, 1]);
		expect(Array.from(c.total)).toEqual([6, 3, 4, 2, 2, 1]);
	});
	it('eadScore(unique, total, V) divides by the expected number of distinct draws', () => {
		assertInDelta(eadScore([3, 2], [4, 2], 10), (3 / (10 * (1 - 0.9 ** 4)) + 2 / (10 * (1 - 0.9 ** 2))) / 2);
		assertInDelta(ead(['a b', 'a c'], 10), (3 / (10 * (1 - 0.9 ** 4)) + 2 / (10 * (1 - 0.9 ** 2))) / 2);
		expect(eadScore([0], [0], 10)).toBeUndefined();
		expect(() => eadScore([1], [1], 1)).toThrow(/vocabulary/);
	});
	it('distinctScore(unique, total) is undefined without n-grams', () => {
		expect(distinctScore([0, 0], [0, 0])).toBeUndefined();
		assertInDelta(distinctScore([1, 0], [2, 0]), 0.5);
	});
});

describe('equations', () => {
	it('extractEquations(text) finds annotations and plain statements, normalised, once per sample', () => {
		expect(extractEquations('So 48 / 2 = <<48/2=24>>24 clips, then 48+24 = 72.')).toEqual(['48/2=24', '48+24=72']);
		expect(extractEquations('Now she has 73-2=<<73-2=71>>71.')).toEqual(['73-2=71']);
		expect(extractEquations('$1,200 x 3 = $3,600.0 and 2 × 3 = 6; 24.0/2=12')).toEqual(['1200*3=3600', '2*3=6', '24/2=12']);
		expect(extractEquations('<<48/2>> no equal sign, and no equation here.')).toEqual([]);
	});
	it('equationDiversity(texts) is unique over all equations across samples', () => {
		assertInDelta(equationDiversity(['<<48/2=24>> and 24 + 24 = 48', '<<48/2=24.0>>']), 2 / 3);
		expect(equationDiversity(['no equations'])).toBeUndefined();
	});
});
